/**
 * The search half of the floor: Pagefind's own CLI (`npx pagefind --site <dir>`) indexing the pages our
 * build indexed. Which pages those are is read back from our index itself (the URL in each fragment),
 * so the CLI gets the same pages whatever `SEARCHABLE_ROUTES` says: they are linked into a folder of
 * their own, with their paths, and the CLI indexes that folder. Every page has a
 * `<main data-pagefind-body>`, so the CLI indexes the same part of each page as our build does.
 */
import { linkSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** What every Pagefind fragment file starts with once gunzipped. */
const FRAGMENT_SIGNATURE = "pagefind_dcd";

/**
 * The page URLs in one gunzipped fragment file. A fragment is one page's JSON (`{ "url": … }`), or, when
 * Pagefind bundles fragments (`--max-fragments`), an object of such pages keyed by their hash.
 */
export function fragmentUrls(text: string): string[] {
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`Not a Pagefind fragment: "${text.slice(0, 20)}…"`);
  const json = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as unknown;
  const isPage = (value: unknown): value is { url: string } =>
    typeof value === "object" && value !== null && typeof (value as { url?: unknown }).url === "string";
  if (isPage(json)) return [json.url];
  if (typeof json !== "object" || json === null) throw new Error("A Pagefind fragment that is not an object");
  return Object.values(json).map((page) => {
    if (!isPage(page)) throw new Error("A bundled Pagefind fragment entry without a url");
    return page.url;
  });
}

/** The URLs of every page in the Pagefind index at `indexDir` (its `fragment/` folder), sorted. */
export function indexedUrls(indexDir: string): string[] {
  const folder = path.join(indexDir, "fragment");
  const urls = readdirSync(folder)
    .filter((name) => name.endsWith(".pf_fragment"))
    .flatMap((name) => fragmentUrls(gunzipSync(readFileSync(path.join(folder, name))).toString("utf8")));
  return urls.sort();
}

/**
 * The output file of a page URL, relative to the site's root: `/a/b/` → `a/b/index.html`, `/a.html` →
 * `a.html` (the reverse of how Pagefind names pages). Throws on a URL that names no HTML file.
 */
export function pageFile(url: string): string {
  if (!url.startsWith("/") || url.includes("..") || /[?#]/.test(url)) throw new Error(`Not a site page URL: ${url}`);
  const relative = decodeURIComponent(url.slice(1));
  if (relative === "" || relative.endsWith("/")) return `${relative}index.html`;
  if (relative.endsWith(".html")) return relative;
  throw new Error(`A page URL that names no HTML file: ${url}`);
}

/**
 * Links the built pages of `urls` from the site in `siteDir` into `targetDir`, at the same paths, so
 * Pagefind's CLI run on `targetDir` sees exactly those pages. Hard links: nothing is copied.
 */
export function linkPages(siteDir: string, targetDir: string, urls: readonly string[]): void {
  for (const url of urls) {
    const file = pageFile(url);
    mkdirSync(path.dirname(path.join(targetDir, file)), { recursive: true });
    linkSync(path.join(siteDir, file), path.join(targetDir, file));
  }
}

/** The first URLs found in only one of two sorted lists, for an error message; empty when the lists are equal. */
export function urlDifferences(ours: readonly string[], theirs: readonly string[], max = 5): string[] {
  const mine = new Set(ours);
  const other = new Set(theirs);
  return [
    ...ours.filter((url) => !other.has(url)).map((url) => `only in our index: ${url}`),
    ...theirs.filter((url) => !mine.has(url)).map((url) => `only in the CLI's: ${url}`),
  ].slice(0, max);
}
