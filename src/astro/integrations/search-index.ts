import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import type { Publishes } from "../../contract/site-config-schema.ts";
import type { Language } from "../../i18n/languages.ts";
import { trackProgress } from "../../format/progress.ts";

/** Folder of the search index inside the build output; the search page loads `pagefind.js` from it. */
export const SEARCH_INDEX_FOLDER = "pagefind/";

/**
 * Routes whose pages go into the search index, as the main language serves them: one page per record, post or
 * content page; each other language's versions (`/ru/blog/[slug]`) are indexed too (`searchableRoutes`).
 * List pages (home, kind indexes, periods, countries, open data) are left out on purpose: they repeat
 * every record's title, so they would crowd out the record pages in the results. The search page
 * and the 404 page are left out too. A route renamed in `src/routes/` must be renamed here as well;
 * the build warns when a listed route produced no page.
 */
export const SEARCHABLE_ROUTES: readonly string[] = [
  "/transparency/requests/[id]",
  "/blocking/[id]",
  "/incidents/[id]",
  "/blog/[slug]",
  "/[page]",
];

/**
 * Files of Pagefind's bundle that the search page never loads: its ready-made UIs and the highlighter.
 * They are removed after writing so the site ships no code it does not run. The page uses `pagefind.js`,
 * which loads `pagefind-worker.js`, `pagefind-entry.json`, the `.pf_meta` file, a wasm file and the
 * `index/` and `fragment/` chunks.
 */
export const UNUSED_BUNDLE_FILES: readonly string[] = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

/**
 * Closing tags after which Pagefind would run two words together. Astro's `compressHTML: 'jsx'`
 * drops the whitespace between elements, and Pagefind only separates the text of a few block elements
 * (headings, p, li, td, div, ul, article, section), so `<dt>Country</dt><dd>Belgium</dd>` was indexed
 * as the single word "CountryBelgium".
 */
const UNSEPARATED_BLOCK_END =
  /<\/(?:dt|dd|th|tr|thead|tbody|tfoot|table|caption|dl|ol|figcaption|figure|summary|details|blockquote|pre|aside|header|address|legend|fieldset|main)>/gi;

/** A page's HTML as given to Pagefind: a space after each block end Pagefind would not separate. The built page is not changed. */
export function separateBlocks(html: string): string {
  return html.replace(UNSEPARATED_BLOCK_END, "$& ");
}

const INDEXED_PART = /<main\b[^>]*\bdata-pagefind-body\b[^>]*>[\s\S]*<\/main>/;

/**
 * What of a page Pagefind needs: its `<head>` and its `<main data-pagefind-body>` (the header, banner
 * and footer are never indexed). Sending only that made indexing a third faster with the same index,
 * byte for byte (checked on every kind of page). A page without such a main is sent whole.
 */
export function indexedPart(html: string): string {
  const headEnd = html.indexOf("</head>");
  const main = INDEXED_PART.exec(html);
  if (headEnd < 0 || !main) return html;
  return `${html.slice(0, headEnd)}</head><body>${main[0]}</body></html>`;
}

/**
 * The searchable routes of a site in `languages`: each of `routes` in the main language, and under each other
 * language's segment. Pagefind makes one index per `<html lang>`, and the search page of each language searches
 * its own language's pages.
 */
export function searchableRoutes(
  languages: readonly Pick<Language, "path">[],
  routes: readonly string[] = SEARCHABLE_ROUTES,
): string[] {
  return languages.flatMap((language) =>
    routes.map((route) => (language.path === "" ? route : `/${language.path}${route}`)),
  );
}

/** The HTML files to index, from `astro:build:done`'s route → output files map; only `.html` files of searchable routes, sorted by path within each route. */
export function searchableFiles(
  assets: ReadonlyMap<string, readonly URL[]>,
  routes: readonly string[] = SEARCHABLE_ROUTES,
): { files: URL[]; emptyRoutes: string[] } {
  const files: URL[] = [];
  const emptyRoutes: string[] = [];
  for (const route of routes) {
    // Sorted: Astro renders several pages at a time, so they are listed in the order they ended, which
    // varies from run to run, and Pagefind's index depends on the order it is given the pages.
    const html = (assets.get(route) ?? [])
      .filter((file) => file.pathname.endsWith(".html"))
      .sort((a, b) => (a.pathname < b.pathname ? -1 : a.pathname > b.pathname ? 1 : 0));
    if (html.length === 0) emptyRoutes.push(route);
    files.push(...html);
  }
  return { files, emptyRoutes };
}

/**
 * The site-relative URL Pagefind stores for an output file, e.g. `/blocking/x/` for
 * `<root>/blocking/x/index.html`. The search page prepends the base path when it shows results.
 */
export function pageUrl(root: string, file: URL): string {
  const relative = path.relative(root, fileURLToPath(file)).split(path.sep).join("/");
  return `/${relative.replace(/(^|\/)index\.html$/, "$1")}`;
}

/** Pages read and sent to Pagefind at a time. */
const INDEX_BATCH = 64;

/** The searchable routes of record kinds, by kind: a site that does not publish a kind builds none of its pages. */
const KIND_ROUTES: Record<keyof Publishes, string> = {
  requests: "/transparency/requests/[id]",
  blockingEvents: "/blocking/[id]",
  incidents: "/incidents/[id]",
};

/**
 * After a build, indexes the searchable pages with Pagefind, in process, and writes the index to
 * `<output>/pagefind/`. Only the `<main data-pagefind-body>` of each page is indexed, so the header,
 * footer and banners never show up in results. Any Pagefind error fails the build. `publishes` is
 * the site config's key: the routes of kinds it turns off are not expected to have pages. `languages` are the
 * site's: their pages go into one index per language (Pagefind reads each page's `<html lang>`).
 */
export function searchIndex(
  options: { publishes?: Publishes; languages?: readonly Pick<Language, "path">[] } = {},
): AstroIntegration {
  const unpublished = new Set(
    (Object.keys(KIND_ROUTES) as (keyof Publishes)[])
      .filter((kind) => options.publishes?.[kind] === false)
      .map((kind) => KIND_ROUTES[kind]),
  );
  const routes = searchableRoutes(
    options.languages ?? [{ path: "" }],
    SEARCHABLE_ROUTES.filter((route) => !unpublished.has(route)),
  );
  return {
    name: "vitrine:search-index",
    hooks: {
      "astro:build:done": async ({ dir, assets, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const { files, emptyRoutes } = searchableFiles(assets, routes);
        for (const route of emptyRoutes)
          logger.warn(`No page was built for the searchable route ${route}; is SEARCHABLE_ROUTES out of date?`);
        const languageCount = options.languages?.length ?? 1;
        logger.info(
          `${SEARCH_INDEX_FOLDER}: indexing ${files.length} pages${languageCount > 1 ? ` in ${languageCount} languages, one index for each` : ""}`,
        );
        const progress = trackProgress({
          label: SEARCH_INDEX_FOLDER,
          done: "pages indexed",
          total: files.length,
          log: (line) => logger.info(line),
        });
        const { index, errors } = await pagefind.createIndex();
        try {
          if (!index) throw new Error(`Pagefind could not create an index: ${errors.join("; ")}`);
          const problems: string[] = [];
          // Pages go to Pagefind in batches, each sent without waiting for the one before: a third
          // faster than one round trip per page. Pagefind gets them in the same order either way (the
          // calls write to its input in call order), so the index is the same, byte for byte.
          for (let start = 0; start < files.length; start += INDEX_BATCH) {
            const batch = files.slice(start, start + INDEX_BATCH);
            const contents = await Promise.all(batch.map((file) => readFile(file, "utf8")));
            const added = await Promise.all(
              batch.map((file, i) =>
                index.addHTMLFile({
                  url: pageUrl(root, file),
                  content: separateBlocks(indexedPart(contents[i] ?? "")),
                }),
              ),
            );
            added.forEach((result, i) =>
              problems.push(...result.errors.map((error) => `${pageUrl(root, batch[i] as URL)}: ${error}`)),
            );
            progress.advance(batch.length);
          }
          const outputPath = fileURLToPath(new URL(SEARCH_INDEX_FOLDER, dir));
          const written = await index.writeFiles({ outputPath });
          problems.push(...written.errors);
          await Promise.all(UNUSED_BUNDLE_FILES.map((name) => rm(path.join(outputPath, name), { force: true })));
          if (problems.length > 0) throw new Error(`Pagefind failed:\n${problems.join("\n")}`);
          logger.info(
            `${SEARCH_INDEX_FOLDER}: ${files.length} pages indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
