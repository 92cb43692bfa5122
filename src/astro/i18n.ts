import i18n from "virtual:vitrine/i18n";
import { makeTranslator, type Translator } from "../i18n/dictionary.ts";
import { languageOfPath, localisedPath, unlocalisedPath, type Language } from "../i18n/languages.ts";
import { withBase } from "../model/paths.ts";
import { remembered } from "../format/remembered.ts";

/** The site's languages, its main one first (src/i18n/languages.ts). */
export const languages: readonly Language[] = i18n.languages;

/** The site's main language, served at `/`. */
export const mainLanguage: Language = languages.find((language) => language.main) as Language;

const translators = new Map<string, Translator>();

/** The words and formats of `language` (a tag of the site's languages). */
export function translator(language: Language | string): Translator {
  const tag = typeof language === "string" ? language : language.tag;
  return remembered(translators, tag, () => {
    const found = languages.find((candidate) => candidate.tag === tag);
    const messages = i18n.messages[tag];
    if (!found || !messages) throw new Error(`"${tag}" is not one of the site's languages`);
    return makeTranslator(found, { messages: new Map(Object.entries(messages)), missing: [] });
  });
}

/** The language of the page a route pattern serves: `/ru/blog/[slug]` is Russian; a pattern without a language segment is the main language's. */
export function languageOfRoute(routePattern: string): Language {
  return languageOfPath(languages, routePattern);
}

/** The words of one page, in its language, and the links that keep the reader in it. */
export interface PageI18n extends Translator {
  /** A link to a page of the site in this page's language: `href("blog/")` is `/ru/blog/` on a Russian page. */
  href: (sitePath: string) => string;
  /** This page's site-relative path without its language segment: `blog/x/` for `/ru/blog/x/`. */
  path: string;
  /** This page in every language of the site, the main one first. */
  alternates: { language: Language; href: string }[];
}

/** The base path of the site (`/` or `/repo/`), as Astro was given it. */
const base = (): string => import.meta.env.BASE_URL;

/** The site-relative path of a URL of the site: `/repo/ru/blog/` under `/repo/` is `ru/blog/`. */
function sitePathOf(url: URL): string {
  const prefix = base().replace(/\/?$/, "/");
  return url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname.replace(/^\//, "");
}

/**
 * Pages that exist once for every language (src/astro/localised-routes.ts): the 404 page, which the host serves for
 * any path. They have no versions in other languages to link to.
 */
const SINGLE_PAGES = new Set(["/404"]);

/**
 * The words and links of the page at `astro.url`, in its language (from its first path segment). A page given with
 * its `routePattern` that exists only once (the 404 page) has itself as its only alternate.
 */
export function pageI18n(astro: { url: URL; routePattern?: string }): PageI18n {
  const sitePath = sitePathOf(astro.url);
  const language = languageOfPath(languages, sitePath);
  const path = unlocalisedPath(languages, sitePath);
  return {
    ...translator(language),
    href: (target) => withBase(base(), localisedPath(language, target)),
    path,
    alternates: (astro.routePattern !== undefined && SINGLE_PAGES.has(astro.routePattern) ? [language] : languages).map(
      (other) => ({ language: other, href: withBase(base(), localisedPath(other, path)) }),
    ),
  };
}

/** One part of a message with markup, as `RichText.astro` renders it: a link, or a date. */
export type RichPart =
  | { kind: "link"; href: string; rel?: string | undefined; text: string }
  | { kind: "time"; datetime: string; text: string }
  | { kind: "strong"; text: string }
  | { kind: "fragment"; parts: (string | RichPart)[] }
  | { kind: "foreign"; text: string; lang?: string | undefined; dir?: "ltr" | "rtl" | undefined };

/** The words of a tag's content: its text, and the text of any part in it (a date inside a link). */
const chunkText = (chunks: (string | RichPart)[]): string =>
  chunks
    .map((chunk) => (typeof chunk === "string" ? chunk : "text" in chunk ? chunk.text : chunkText(chunk.parts)))
    .join("");

/** The function a message's `<link>…</link>` tag is given: makes the tag's content a link to `target`. */
export const linkTo =
  (target: string, rel?: string) =>
  (chunks: (string | RichPart)[]): RichPart => ({ kind: "link", href: target, rel, text: chunkText(chunks) });

/** A date in a message, as a `<time>` element: `{date}` given `timeOf("2026-01-31", "31 January 2026")`. */
export const timeOf = (datetime: string, text: string): RichPart => ({ kind: "time", datetime, text });

/** The function a message's `<strong>…</strong>` tag is given. */
export const strong = (chunks: (string | RichPart)[]): RichPart => ({ kind: "strong", text: chunkText(chunks) });
