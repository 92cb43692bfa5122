import { defaultSchema, type Options as Schema } from "rehype-sanitize";

/** Elements whose content is dropped with them rather than kept as text. */
const STRIPPED = ["script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "select"];

/**
 * The HTML a post, page, write-up or author file may contain, in the schema format of
 * rehype-sanitize: GitHub's allow-list (its `defaultSchema`), with links limited to http(s) and
 * mailto, and images only from the site itself. No script, iframe, object, embed, form or style
 * element and no event attribute is on it. `validate` refuses what is not on it, and the render
 * pipeline removes it again.
 */
export const CONTENT_HTML_SCHEMA: Schema = {
  ...defaultSchema,
  strip: STRIPPED,
  protocols: {
    href: ["http", "https", "mailto"],
    cite: ["http", "https"],
    // No protocol at all: images and other loaded files come from the site itself.
    src: [],
    longDesc: [],
  },
};

/**
 * Attributes whose URL the browser loads by itself, as hast property names: these must point at
 * the site's own files, never at another origin (readers in censored countries rely on that).
 */
export const LOADED_URL_PROPERTIES = ["src", "srcSet", "longDesc", "poster", "data", "background"] as const;

/** Attributes holding a link the reader may follow, as hast property names. */
export const LINK_PROPERTIES = ["href", "cite"] as const;

/**
 * Whether a URL stays on the site: a relative path (`/data/`, `logo.png`, `#top`), not one with a
 * scheme (`https:`, `data:`, `javascript:`) nor one starting with `//` that names another host.
 */
export function isSameOriginUrl(url: string): boolean {
  const trimmed = url.trim();
  if (/^[\\/]{2}/.test(trimmed)) return false;
  const colon = trimmed.indexOf(":");
  if (colon < 0) return true;
  const stop = trimmed.search(/[/?#]/);
  return stop > -1 && colon > stop;
}

/** The scheme of a URL in lower case (`javascript`), or undefined for a relative URL. */
export function urlScheme(url: string): string | undefined {
  // Browsers ignore tabs, newlines and leading controls inside a scheme: "java\tscript:" runs.
  const cleaned = url.replace(/[\p{Cc}\s]/gu, "");
  return isSameOriginUrl(cleaned) ? undefined : /^([a-z][a-z\d+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}
