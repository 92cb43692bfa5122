import { readdir } from "node:fs/promises";
import path from "node:path";
import { patternOf, routeFiles } from "../../astro/route-files.ts";
import { localisedRouteFiles } from "../../astro/localised-routes.ts";
import { languageOfPath, type Language } from "../../i18n/languages.ts";
import { reservedContentNames } from "../../model/routes.ts";
import type { Problem } from "../validation/problem.ts";

/** The page files Astro reads in `src/pages/`. */
const PAGE_FILE = /\.(astro|md|mdx|html|ts|js)$/;
/** The files a content page or post is written in. */
const CONTENT_FILE = /\.(md|mdx)$/;

/** A route pattern with its parameters unnamed (`/blog/[slug]` → `/blog/[]`): two routes of one shape serve the same paths. */
export const routeShape = (pattern: string): string =>
  pattern.replace(/\[\.\.\.[^\]]*\]/g, "[...]").replace(/\[[^\].]*\]/g, "[]");

/** The route pattern of a file of a site's `src/pages/`, as Astro serves it: `blog/[slug].md` → `/blog/[slug]`. */
export const sitePagePattern = (file: string): string =>
  patternOf(file.replace(/\.(md|mdx|html)$/, ".astro").replace(/\.js$/, ".ts"));

/** Files under `folder` (relative, with `/`) whose name matches `name`, leaving out `_`-prefixed files and folders as Astro does. */
async function filesIn(folder: string, name: RegExp): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => !file.split("/").some((part) => part.startsWith("_")))
    .sort();
}

/** The content files of `content/<folder>/` by their id (the name without extension, the last part of their path). */
async function contentIds(root: string, folder: string): Promise<Map<string, string>> {
  const files = await filesIn(path.join(root, "content", folder), CONTENT_FILE);
  return new Map(
    files.map((file) => [path.posix.basename(file).replace(CONTENT_FILE, ""), `content/${folder}/${file}`]),
  );
}

/**
 * Reports each page of the site's own `src/pages/` (in `root`) whose path is taken already: by a page the
 * integration injects (same route, whatever its parameters are called: `src/pages/blog/[slug].astro`,
 * `src/pages/search.astro`), by a section of the package (`src/pages/transparency.astro` is `/transparency/`),
 * or by a content page or post (`src/pages/about.astro` and `content/pages/about.mdx`). The injected pages are
 * those of every one of the site's `languages` (`src/pages/ru.astro` is `/ru/`, the site's home in Russian).
 * Astro would build only one of the two, and today only warns.
 */
export async function pageCollisionProblems(root: string, languages: readonly Language[] = []): Promise<Problem[]> {
  const injected = new Map(
    localisedRouteFiles(routeFiles(), languages).map((route) => [routeShape(route.pattern), route]),
  );
  const reserved = reservedContentNames();
  const pages = await contentIds(root, "pages");
  const posts = await contentIds(root, "blog");
  const clashOf = (pattern: string): string | undefined => {
    const route = injected.get(routeShape(pattern));
    if (route) {
      const language = languages.length > 0 ? languageOfPath(languages, route.pattern) : undefined;
      const version = language && !language.main ? ` in ${language.name} (${language.tag})` : "";
      return `the package's page src/routes/${route.file}${version}`;
    }
    const [first = "", second, ...rest] = pattern.slice(1).split("/");
    if (second === undefined && reserved.pages.includes(first)) return `the package's pages under /${first}/`;
    if (second === undefined && pages.has(first)) return `the content page ${pages.get(first) ?? ""}`;
    if (first === "blog" && second !== undefined && rest.length === 0 && posts.has(second))
      return `the post ${posts.get(second) ?? ""}`;
    return undefined;
  };
  return (await filesIn(path.join(root, "src/pages"), PAGE_FILE)).flatMap((file) => {
    const pattern = sitePagePattern(file);
    const clash = clashOf(pattern);
    return clash === undefined
      ? []
      : [
          {
            file: `src/pages/${file}`,
            line: 1,
            column: 1,
            field: "page path",
            expected: `a path of its own: ${pattern === "/" ? "/" : `${pattern}/`} is taken by ${clash}, and Astro would build only one of the two; rename or move the file`,
            found: pattern,
          },
        ];
  });
}
