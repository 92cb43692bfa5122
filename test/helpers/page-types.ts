import { routeFiles } from "../../src/astro/route-files.ts";
import { languageOfPath, localisedPath, unlocalisedPath, type Language } from "../../src/i18n/languages.ts";

/** How specific a route pattern is, segment by segment: a fixed name (3) before a parameter (2) before a rest (1). */
function specificity(pattern: string): number[] {
  return pattern
    .split("/")
    .filter(Boolean)
    .map((segment) => (segment.startsWith("[...") ? 1 : segment.includes("[") ? 2 : 3));
}

/** Orders patterns as Astro picks among them: the more specific first, segment by segment, the longer one first. */
function bySpecificity(a: string, b: string): number {
  const [x, y] = [specificity(a), specificity(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (y[i] ?? 0) - (x[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A pattern as a regular expression over a site path without its slashes at either end. */
function matcher(pattern: string): RegExp {
  const body = pattern
    .split("/")
    .filter(Boolean)
    .map((segment) =>
      segment.startsWith("[...")
        ? "(?:.*)"
        : segment.replace(/[.*+?^${}()|\\]/g, "\\$&").replace(/\\?\[[^\]]+\\?\]/g, "[^/]+"),
    )
    .join("/");
  return new RegExp(`^${body.replace(/\/\(\?:\.\*\)$/, "(?:/.*)?")}$`);
}

/** The pattern of the package's route that serves `sitePath` (`/ru/blog/x/` → `/blog/[slug]`), in any language. */
export function routeOfPath(languages: readonly Language[], sitePath: string): string | undefined {
  const bare = unlocalisedPath(languages, sitePath.replace(/^\/+/, "")).replace(/\/+$/, "");
  const patterns = routeFiles()
    .map((route) => route.pattern)
    .sort(bySpecificity);
  return patterns.find((pattern) => matcher(pattern).test(bare));
}

/**
 * The pages of a built site a browser test opens: every page in the languages `inFull` names (by tag) and,
 * in each other language, one page of each route (the first of the route's pages in the main language, in that
 * language). A page of one type differs between two languages only by Vitrine's words, which every page of the
 * type shares, so this still opens every word of every language; what it leaves out is the same layout again.
 */
export function pagesToOpen(
  paths: readonly string[],
  languages: readonly Language[],
  inFull: readonly string[],
): string[] {
  const full = (sitePath: string): boolean => inFull.includes(languageOfPath(languages, sitePath.slice(1)).tag);
  const firstOfRoute = new Map<string, string>();
  for (const sitePath of paths) {
    const language = languageOfPath(languages, sitePath.slice(1));
    const route = routeOfPath(languages, sitePath);
    if (language.main && route !== undefined && !firstOfRoute.has(route)) firstOfRoute.set(route, sitePath);
  }
  const sampled = new Set(
    languages
      .filter((language) => !inFull.includes(language.tag))
      .flatMap((language) =>
        [...firstOfRoute.values()].map((sitePath) => `/${localisedPath(language, sitePath.slice(1))}`),
      ),
  );
  return paths.filter((sitePath) => full(sitePath) || sampled.has(sitePath));
}
