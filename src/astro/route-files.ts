import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the pages and endpoints the integration injects: `src/routes/` of the package, found from the
 * package root so that this module gives the same folder from its source (`src/astro/`) and from its compiled
 * copy (`lib/astro/`), which are equally deep.
 */
export const ROUTES_FOLDER = new URL("../../src/routes/", import.meta.url);

/** A page or endpoint of `src/routes/`: its file (relative, with `/`) and the Astro route pattern it serves. */
export interface RouteFile {
  file: string;
  pattern: string;
}

/**
 * The route pattern a file of `src/routes/` serves, as Astro would for a file of `src/pages/`: the path without
 * its extension (`.astro`, `.ts`) and without a last `index` segment (`countries/[country]/index.astro` serves
 * `/countries/[country]`).
 */
export function patternOf(file: string): string {
  const bare = file.replace(/\.(astro|ts)$/, "");
  const withoutIndex = bare === "index" ? "" : bare.replace(/\/index$/, "");
  return `/${withoutIndex}`;
}

/**
 * Every page and endpoint in `folder` (by default the package's `src/routes/`), sorted by file, leaving out
 * helpers whose name starts with `_` as Astro does in `src/pages/`.
 */
export function routeFiles(folder: URL = ROUTES_FOLDER): RouteFile[] {
  const root = fileURLToPath(folder);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name) && !entry.name.startsWith("_"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort()
    .map((file) => ({ file, pattern: patternOf(file) }));
}
