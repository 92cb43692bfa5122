/**
 * A deploy as the workflow runs it (.github/workflows/deploy.yml), on the repository's committed sample site:
 *
 * 1. The previous deploy: a clone of HEAD built once, its card cache then saved (copied aside), as the
 *    workflow's actions/cache step saves `node_modules/.astro/social-cards` when a run succeeds. Its cache
 *    starts from the repository's own cards when there are any, only to draw fewer; it prunes the rest.
 * 2. The deploy: another fresh clone of HEAD (`git clone`, as actions/checkout), its node_modules linked to the
 *    repository's packages instead of `npm ci` (nothing of Astro's cache comes with them), the saved cards
 *    restored into it, then the build, timed. On an unchanged commit it should draw no card.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { cardCacheFolder } from "../src/output/social-cards/card-cache.ts";
import { cardLines } from "./build-output.ts";
import { mustSucceed, runMeasured } from "./measure.ts";
import { countOutput, linkNodeModules, removeFolder, repoRoot } from "./projects.ts";

/** Astro's cache directory in a project (its default `cacheDir`), where the build keeps its cards. */
const ASTRO_CACHE_DIR = "node_modules/.astro";

/** What `benchDeployBuild` measured. */
export interface DeployBuildResult {
  /** The commit built (HEAD of the repository), abbreviated. */
  commit: string;
  pages: number;
  /** The previous deploy's build, which filled the cache. */
  previous: { seconds: number; cardsRendered: number; cardsFromCache: number };
  /** Cards the deploy found in its restored cache before building. */
  cardsRestored: number;
  /** The deploy's build, from the fresh clone with the restored cache. */
  deploy: { seconds: number; cpuSeconds: number; peakMemoryMiB: number; cardsRendered: number; cardsFromCache: number };
}

/** Runs git in the repository; its trimmed output, or an error with git's message. */
function git(args: readonly string[]): string {
  const result = spawnSync("git", args, { cwd: repoRoot, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * A fresh clone of the repository's HEAD in `dir`, one commit deep as actions/checkout fetches it (through
 * file://, since git ignores the depth of a plain local path), with node_modules linked (see `linkNodeModules`).
 */
function freshClone(dir: string): void {
  git(["clone", "--quiet", "--depth", "1", `file://${repoRoot}`, dir]);
  linkNodeModules(dir);
}

/** Copies the card PNGs of `from` (a card cache folder) into `to`; returns how many. */
function copyCards(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  mkdirSync(to, { recursive: true });
  const cards = readdirSync(from).filter((name) => name.endsWith(".png"));
  for (const name of cards) cpSync(path.join(from, name), path.join(to, name));
  return cards.length;
}

/** Measures a deploy-like build in `dir` (a run folder), with the build environment `env`. */
export async function benchDeployBuild(
  dir: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<DeployBuildResult> {
  const nodeBin = process.execPath;
  const astroBin = path.join(repoRoot, "node_modules/astro/bin/astro.mjs");
  const cards = (project: string) => cardCacheFolder(path.join(project, ASTRO_CACHE_DIR));
  const commit = git(["rev-parse", "--short", "HEAD"]);

  const previousDir = path.join(dir, "deploy-previous");
  freshClone(previousDir);
  copyCards(cards(repoRoot), cards(previousDir));
  log(`deploy: the previous deploy of ${commit}, to fill the card cache…`);
  const previous = mustSucceed(
    "astro build (previous deploy)",
    await runMeasured(nodeBin, [astroBin, "build"], { cwd: previousDir, env }),
  );
  const saved = path.join(dir, "deploy-saved-cards");
  copyCards(cards(previousDir), saved);
  removeFolder(previousDir);

  const deployDir = path.join(dir, "deploy");
  freshClone(deployDir);
  const cardsRestored = copyCards(saved, cards(deployDir));
  log(`deploy: a fresh clone of ${commit} with ${cardsRestored} cards restored…`);
  const deploy = mustSucceed(
    "astro build (deploy)",
    await runMeasured(nodeBin, [astroBin, "build"], { cwd: deployDir, env }),
  );
  const previousCards = cardLines(previous.output);
  const deployCards = cardLines(deploy.output);
  const pages = countOutput(path.join(deployDir, "dist")).pages;
  removeFolder(deployDir);
  removeFolder(saved);
  const round = (ms: number) => Math.round(ms / 10) / 100;
  return {
    commit,
    pages,
    previous: {
      seconds: round(previous.wallMs),
      cardsRendered: previousCards.rendered,
      cardsFromCache: previousCards.fromCache,
    },
    cardsRestored,
    deploy: {
      seconds: round(deploy.wallMs),
      cpuSeconds: round(deploy.cpuMs),
      peakMemoryMiB: Math.round(deploy.peakRssBytes / 1024 ** 2),
      cardsRendered: deployCards.rendered,
      cardsFromCache: deployCards.fromCache,
    },
  };
}
