import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import type { CheckLine } from "./check-line.ts";

/** What `vitrine doctor` reads from the installed vitrine package's own package.json. */
export interface VitrinePackage {
  version?: string;
  engines?: { node?: string };
  peerDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
}

/** The running Node against vitrine's `engines.node` range. */
export function nodeCheck(running: string, vitrine: VitrinePackage): CheckLine {
  const range = vitrine.engines?.node;
  if (!range)
    return { mark: "warning", topic: "Node", text: `${running}; vitrine's package.json names no engines.node range` };
  if (semver.satisfies(running, range))
    return { mark: "ok", topic: "Node", text: `${running} (vitrine needs ${range})` };
  return {
    mark: "problem",
    topic: "Node",
    text: `${running} is outside the range vitrine needs, ${range}`,
    fix: `install a Node version in ${range} (the site's .nvmrc names the one its workflows use), then run npm install again`,
  };
}

/** The version of `name` that Node would load from `root`: the first `node_modules/<name>` up from it. */
export function installedVersion(root: string, name: string): string | undefined {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const file = path.join(dir, "node_modules", name, "package.json");
    if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The installed Astro against vitrine's `peerDependencies.astro` (or, without one, its `dependencies.astro`). */
export function astroCheck(installed: string | undefined, vitrine: VitrinePackage): CheckLine {
  const range = vitrine.peerDependencies?.["astro"] ?? vitrine.dependencies?.["astro"];
  if (!installed)
    return {
      mark: "problem",
      topic: "Astro",
      text: "astro is not installed in this site",
      fix: "run npm install in the site's folder",
    };
  if (!range) return { mark: "ok", topic: "Astro", text: `${installed} (vitrine names no astro range)` };
  if (semver.satisfies(installed, range))
    return { mark: "ok", topic: "Astro", text: `${installed} (vitrine needs ${range})` };
  return {
    mark: "problem",
    topic: "Astro",
    text: `${installed} is outside the range vitrine needs, ${range}`,
    fix: `npm install astro@"${range}"`,
  };
}
