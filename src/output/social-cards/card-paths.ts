/** Site-relative path of the home page's card; pages without a card of their own use it too. */
export const HOME_CARD_PATH = "og/index.png";

/** Folder of the cards inside the site, matching the route `src/routes/og/[...card].png.ts`. */
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
