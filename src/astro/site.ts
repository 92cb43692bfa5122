import { getCollection } from "astro:content";
import type { CardEntry } from "../output/social-cards/card-data.ts";
import { buildSite, type Site } from "../model/project-model.ts";
import type { RouteEntry } from "../model/routes.ts";
import { buildTime } from "../load/build-time.ts";
import { compareReleaseVersions } from "../release/release-layout.ts";
import site from "./site-config.ts";
import { languageOfRoute, mainLanguage, pageI18n, translator } from "./i18n.ts";
import type { Language } from "../i18n/languages.ts";
import { remembered } from "../format/remembered.ts";
import type { ContentTranslation } from "../contract/schemas/content-translation.ts";

/** Content entries as the model reads them; the project loader put their body's record mentions in `data`. */
const content = <T extends { mentions: string[]; translation?: ContentTranslation | undefined }>(
  entries: readonly { id: string; data: T }[],
) =>
  entries.map((entry) => ({
    id: entry.id,
    data: entry.data,
    mentions: entry.data.mentions,
    ...(entry.data.translation && { translation: entry.data.translation }),
  }));

async function collections() {
  const [requests, figures, blockingEvents, incidents, corrections, releases, posts, authors, pages, writeups, canary] =
    await Promise.all([
      getCollection("requests"),
      getCollection("figures"),
      getCollection("blockingEvents"),
      getCollection("incidents"),
      getCollection("corrections"),
      getCollection("releases"),
      getCollection("posts"),
      getCollection("authors"),
      getCollection("pages"),
      getCollection("writeups"),
      getCollection("canary"),
    ]);
  return {
    requests,
    figures,
    blockingEvents,
    incidents,
    corrections,
    releases,
    posts,
    authors,
    pages,
    writeups,
    canary,
  };
}

/** What the entries are: their ids and digests (the loader sets a digest of each entry's data). */
const versionOf = (all: Awaited<ReturnType<typeof collections>>): string =>
  Object.values(all)
    .flat()
    .map((entry) => `${entry.collection}/${entry.id}:${(entry as { digest?: string }).digest ?? ""}`)
    .join("\n");

function build(all: Awaited<ReturnType<typeof collections>>, language: Language): Site {
  return buildSite({
    // The model's words and formats in `language`; its figures are the same in every language.
    site: { ...site, language: language.tag },
    translator: translator(language),
    mainLanguage: mainLanguage.tag,
    now: buildTime(),
    mode: import.meta.env.DEV ? "development" : "production",
    requests: all.requests.map((entry) => entry.data),
    figures: all.figures.map((entry) => entry.data),
    blockingEvents: all.blockingEvents.map((entry) => entry.data),
    incidents: all.incidents.map((entry) => entry.data),
    posts: content(all.posts),
    authors: content(all.authors),
    pages: content(all.pages),
    writeups: content(all.writeups),
    canary: all.canary[0]?.data,
    // In the file's order: a correction's id is its line.
    corrections: all.corrections.toSorted((a, b) => Number(a.id) - Number(b.id)).map((entry) => entry.data),
    releases: all.releases.map((entry) => entry.data).toSorted((a, b) => compareReleaseVersions(a.version, b.version)),
  });
}

/**
 * Where `getSite` learns the language from: the language itself, a page or endpoint (`Astro`, an endpoint's
 * context: its URL), or `getStaticPaths`' options (its route pattern, `/ru/blog/[slug]`).
 */
export type SiteLanguageSource = Language | { url: URL } | { routePattern: string };

const built = new Map<string, Promise<Site>>();
const dev = new Map<string, { version: string; site: Site }>();

/**
 * The site model and route table in the language of `where` (the site's main language by default), built once per build and
 * language from the collections (and again under `astro dev` only when an entry changed). Pages, layouts,
 * components and endpoints take what they show from it; none filters, sorts or counts on its own.
 */
export async function getSite(where: SiteLanguageSource = mainLanguage): Promise<Site> {
  const language =
    "tag" in where ? where : "routePattern" in where ? languageOfRoute(where.routePattern) : pageI18n(where).language;
  if (!import.meta.env.DEV)
    return remembered(built, language.tag, () => collections().then((all) => build(all, language)));
  const all = await collections();
  const version = versionOf(all);
  const current = dev.get(language.tag);
  if (current?.version === version) return current.site;
  const fresh = { version, site: build(all, language) };
  dev.set(language.tag, fresh);
  return fresh.site;
}

/** `getStaticPaths` entries of a route: its parameters, and its props with the card the page is shared with. */
export function staticPaths<Params extends Record<string, string>, Props>(
  entries: readonly RouteEntry<Params, Props>[],
): { params: Params; props: Props & { card: CardEntry } }[] {
  return entries.map(({ params, props, card }) => ({ params, props: { ...props, card } }));
}
