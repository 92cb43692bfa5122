import type { Language } from "../i18n/languages.ts";
import type { RouteFile } from "./route-files.ts";

/**
 * Whether a route of `src/routes/` has a version in each language: every page, and the feeds and social cards,
 * whose words are the language's. The open data, its schemas and releases, the canary's files, `status.json` and
 * `robots.txt` are one set for the whole site, and the 404 page is the host's one page for every path.
 */
export function isLocalised(file: string): boolean {
  if (file === "404.astro") return false;
  if (file.endsWith(".astro")) return true;
  return /(^|\/)(rss|feed|\[feed\])\.xml\.ts$/.test(file) || file.startsWith("og/");
}

/**
 * The routes to inject for a site in `languages`: each route of the main language as it is, and each localised
 * route again under every other language's segment (`/ru/blog/[slug]`), served by the same file; a page learns its
 * language from its URL (src/astro/i18n.ts) and `getStaticPaths` from its `routePattern`.
 */
export function localisedRouteFiles(routes: readonly RouteFile[], languages: readonly Language[]): RouteFile[] {
  const others = languages.filter((language) => !language.main);
  return [
    ...routes,
    ...others.flatMap((language) =>
      routes
        .filter((route) => isLocalised(route.file))
        .map((route) => ({
          file: route.file,
          pattern: `/${language.path}${route.pattern === "/" ? "" : route.pattern}`,
        })),
    ),
  ];
}
