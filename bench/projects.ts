/**
 * The throw-away projects the bench builds: a copy of the site with a generated corpus or with the
 * repository's sample, and the floor (a bare Astro project with one dynamic page). All live in a
 * RAM-backed folder when the machine has one, with a `node_modules` of links to the repository's packages.
 */
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { writeCorpus, type Corpus } from "./corpus.ts";

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, "..");

/**
 * The variables an npm script sets before its command, e.g. `{ A: "1" }` for `A=1 astro build`. The
 * bench runs Astro itself (to measure it without npm), with the environment `npm run build` gives it.
 */
export function scriptEnvironment(script: string): Record<string, string> {
  const variables: Record<string, string> = {};
  const assignment = /^(\w+)=(\S*)\s+/;
  let rest = script.trim();
  let match: RegExpExecArray | null;
  while ((match = assignment.exec(rest))) {
    variables[match[1] as string] = match[2] as string;
    rest = rest.slice(match[0].length);
  }
  return variables;
}

/** The repository's `npm run build` command (`scripts.build` of package.json). */
export function buildScript(): string {
  const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  return scripts?.["build"] ?? "";
}

/** The environment `npm run build` gives Astro in this repository (see `scriptEnvironment`). */
export function buildScriptEnvironment(): Record<string, string> {
  return scriptEnvironment(buildScript());
}

/** What the site copy takes from the repository (data/ and content/ come from the corpus). */
const SITE_FILES = ["astro.config.mjs", "package.json", "tsconfig.json", "entry", "src", "public"];
/** Folders of node_modules that belong to one project (Astro's and Vite's caches): never shared. */
const PROJECT_CACHES = new Set([".astro", ".cache", ".vite", ".vite-temp"]);

/**
 * A new empty folder for one bench run: under /dev/shm (RAM) when it exists and is writable, so file
 * writes do not drown what the code costs; else under bench/.tmp/ (gitignored).
 */
export function makeRunFolder(): { dir: string; ramBacked: boolean } {
  try {
    accessSync("/dev/shm", constants.W_OK);
    return { dir: mkdtempSync("/dev/shm/vitrine-bench-"), ramBacked: true };
  } catch {
    const parent = path.join(repoRoot, "bench/.tmp");
    mkdirSync(parent, { recursive: true });
    return { dir: mkdtempSync(path.join(parent, "run-")), ramBacked: false };
  }
}

/**
 * Gives `dir` a node_modules of symbolic links to each of the repository's packages, so a project
 * outside the repository resolves them, while Astro's cache (node_modules/.astro: data store, social
 * cards) stays the project's own.
 */
export function linkNodeModules(dir: string): void {
  const target = path.join(dir, "node_modules");
  mkdirSync(target, { recursive: true });
  const source = path.join(repoRoot, "node_modules");
  for (const name of readdirSync(source)) {
    if (!PROJECT_CACHES.has(name)) symlinkSync(path.join(source, name), path.join(target, name));
  }
}

/** Copies `entries` of the repository that exist into `dir`. */
function copyFromRepository(dir: string, entries: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  for (const entry of entries) {
    if (existsSync(path.join(repoRoot, entry)))
      cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
}

/** Makes `dir` a copy of the site whose data/ and content/ are `corpus`. */
export async function makeSiteCopy(dir: string, corpus: Corpus): Promise<void> {
  copyFromRepository(dir, SITE_FILES);
  linkNodeModules(dir);
  await writeCorpus(dir, corpus);
}

/** Makes `dir` a copy of the site with the repository's own sample data/ and content/. */
export function makeSampleCopy(dir: string): void {
  copyFromRepository(dir, [...SITE_FILES, "data", "content"]);
  linkNodeModules(dir);
}

/**
 * Makes `dir` the floor: a bare Astro project with one route, `src/pages/[id].astro`, whose
 * getStaticPaths returns `pages` ids and whose page is a few lines of plain HTML. Its `npm run build`
 * is the repository's, word for word (the same environment before `astro build`).
 */
export function makeFloorProject(dir: string, pages: number): void {
  mkdirSync(path.join(dir, "src/pages"), { recursive: true });
  writeFileSync(
    path.join(dir, "package.json"),
    `${JSON.stringify({ name: "vitrine-bench-floor", private: true, type: "module", scripts: { build: buildScript() } }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(dir, "astro.config.mjs"),
    'import { defineConfig } from "astro/config";\n\nexport default defineConfig({});\n',
  );
  writeFileSync(
    path.join(dir, "src/pages/[id].astro"),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: \`page-\${i + 1}\` } }));
}
const { id } = Astro.params;
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Page {id}</title></head>
  <body><h1>Page {id}</h1><p>One of many pages.</p></body>
</html>
`,
  );
  linkNodeModules(dir);
}

/** Counts the files under `dir` by kind: HTML pages and everything else. */
export function countOutput(dir: string): { pages: number; otherFiles: number } {
  let pages = 0;
  let otherFiles = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    if (entry.name.endsWith(".html")) pages++;
    else otherFiles++;
  }
  return { pages, otherFiles };
}

/** Deletes a run folder. */
export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
