/** Site-relative path of the home page's card; pages without a card of their own use it too. */
export const HOME_CARD_PATH = "og/index.png";

/** Folder of the cards inside the site, matching the route `src/pages/og/[...card].png.ts`. */
const CARD_FOLDER = "og/";

/** A path without leading or trailing slashes and without a trailing `index.html`. */
function trimPath(path: string): string {
  return path.replace(/(^|\/)index\.html$/, "$1").replace(/^\/+|\/+$/g, "");
}

/**
 * The card of a page, from the page's site-relative path: `blocking/blk-ru-2020-smtp/` →
 * `og/blocking/blk-ru-2020-smtp.png`, and `""` (the home page) → `og/index.png`. Slashes around the
 * path and a trailing `index.html` make no difference.
 */
export function cardPathFor(pagePath: string): string {
  const page = trimPath(pagePath);
  return `${CARD_FOLDER}${page === "" ? "index" : page}.png`;
}

/** The `card` route parameter of a card path: `og/blocking/x.png` → `blocking/x`. */
export function cardRouteParam(cardPath: string): string {
  if (!cardPath.startsWith(CARD_FOLDER) || !cardPath.endsWith(".png"))
    throw new Error(`Not a card path: "${cardPath}" (expected og/<page>.png)`);
  return cardPath.slice(CARD_FOLDER.length, -".png".length);
}

/**
 * The site-relative path of a page from its URL path and the site's base path (`import.meta.env.BASE_URL`,
 * with or without a trailing slash): `/sub/blocking/x/` with base `/sub/` → `blocking/x/`. Percent-escapes
 * are decoded; a path outside the base is taken as it is.
 */
export function sitePathOf(pathname: string, base: string): string {
  const prefix = `/${trimPath(base)}/`.replace(/^\/\/$/, "/");
  const path = pathname.startsWith(prefix)
    ? pathname.slice(prefix.length)
    : pathname === prefix.slice(0, -1)
      ? ""
      : pathname.replace(/^\/+/, "");
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The card paths that exist: a `Set` of them, or a `Map` keyed by them. */
export type KnownCardPaths = Pick<ReadonlySet<string>, "has">;

/** True when the page at `pagePath` (site-relative) has a card of its own among `knownCardPaths`. */
export function hasOwnCard(pagePath: string, knownCardPaths: KnownCardPaths): boolean {
  return knownCardPaths.has(cardPathFor(pagePath));
}

/**
 * The card to share a page with, from `Astro.url.pathname` and the base path: the page's own card when
 * it has one, else the home page's card (for lists, open data, search, 404 and the like).
 */
export function pageCardPath(pathname: string, base: string, knownCardPaths: KnownCardPaths): string {
  const pagePath = sitePathOf(pathname, base);
  return hasOwnCard(pagePath, knownCardPaths) ? cardPathFor(pagePath) : HOME_CARD_PATH;
}
