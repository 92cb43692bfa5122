import { find, html } from "property-information";
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

/** Whether the schema allows `property` with `value` on `tagName`, the way rehype-sanitize decides. */
function attributeAllowed(tagName: string, property: string, value: string | undefined): boolean {
  const lists = CONTENT_HTML_SCHEMA.attributes ?? {};
  for (const definition of [...(lists[tagName] ?? []), ...(lists["*"] ?? [])]) {
    if (typeof definition === "string") {
      if (definition === property) return true;
      continue;
    }
    const [key, ...values] = definition;
    if (key !== property) continue;
    if (values.length === 0 || value === undefined) return true;
    const tokens = property === "className" ? value.split(/\s+/).filter(Boolean) : [value];
    if (
      tokens.every((token) =>
        values.some((v) => (v instanceof RegExp ? v.test(token) : String(v) === token || (v === true && token === ""))),
      )
    )
      return true;
  }
  return false;
}

/** The URLs of an attribute value: one, or each candidate of a `srcset`. */
const urlsOf = (property: string, value: string): string[] =>
  property === "srcSet" ? value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "") : [value];

/**
 * What is wrong with an attribute whatever its element: an event handler, a file loaded from
 * another origin, a link with a scheme off the list (`javascript:`, `data:`); undefined when fine.
 */
export function urlAttributeProblem(property: string, value: string | undefined): string | undefined {
  if (/^on/i.test(property)) return "no event attribute: content is text and runs no scripts";
  if (value !== undefined && (LOADED_URL_PROPERTIES as readonly string[]).includes(property)) {
    if (!urlsOf(property, value).every(isSameOriginUrl))
      return `${find(html, property).attribute} naming a file of the site itself, like /images/map.png: a page loads nothing from another origin`;
  }
  if (value !== undefined && (LINK_PROPERTIES as readonly string[]).includes(property)) {
    const scheme = urlScheme(value);
    const allowed = CONTENT_HTML_SCHEMA.protocols?.[property] ?? [];
    if (scheme !== undefined && !allowed.includes(scheme))
      return `a link starting with ${allowed.map((p) => `${p}:`).join(", ")} or /`;
  }
  return undefined;
}

/** What is wrong with one attribute of an element, as the `expected` of a problem; undefined when it is fine. */
export function attributeProblem(tagName: string, property: string, value: string | undefined): string | undefined {
  const problem = urlAttributeProblem(property, value);
  if (problem !== undefined) return problem;
  if (!attributeAllowed(tagName, property, value))
    return `only the attributes allowed on <${tagName}> (see "HTML in posts" in docs/writing.md)`;
  return undefined;
}
