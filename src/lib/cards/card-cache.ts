import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CardData } from "./card-data.ts";
import { CARD_TEMPLATE_VERSION } from "./card-template.ts";

/** Folder of the card cache inside Astro's cache directory (`cacheDir`, `node_modules/.astro/` by default). */
export const CARD_CACHE_FOLDER = "social-cards";
/**
 * The log of the cards a build process served: one line per card, `rendered <key>` or `cached <key>`.
 * One file per process, so two builds of the same project at once do not count each other's cards.
 */
export function cardLogFile(folder: string, pid: number = process.pid): string {
  return path.join(folder, `build-log-${pid}.txt`);
}

/** The card cache's folder for Astro's cache directory. */
export function cardCacheFolder(astroCacheDir: string): string {
  return path.join(astroCacheDir, CARD_CACHE_FOLDER);
}

/**
 * The cache key of a card: sha256 of the template version, the card's data and the hashes of the
 * font files. Anything that changes what is drawn changes the key; nothing else does.
 */
export function cardCacheKey(data: CardData, fontHashes: readonly string[], version: string = CARD_TEMPLATE_VERSION): string {
  return createHash("sha256").update(JSON.stringify([version, data, fontHashes])).digest("hex");
}

/** How a cache gets what it needs: the renderer and the font hashes (injected, so tests can count renders). */
export interface CardCacheOptions {
  render: (data: CardData) => Promise<Uint8Array>;
  fontHashes: () => Promise<readonly string[]>;
}

/** A disk cache of card PNGs in one folder. */
export interface CardCache {
  /** The card's PNG: from the cache when a card with the same key was drawn before, else drawn and stored. */
  png: (data: CardData) => Promise<Uint8Array>;
}

/**
 * A card cache in `folder`. Each card served is appended to the folder's build log, so the build's
 * integration can report and prune; appending (rather than keeping a count in memory) stays right
 * however many copies of the endpoint module the build loads.
 */
export function createCardCache(folder: string, options: CardCacheOptions): CardCache {
  return {
    png: async (data) => {
      const key = cardCacheKey(data, await options.fontHashes());
      const file = path.join(folder, `${key}.png`);
      const cached = await readFile(file).catch(() => undefined);
      const png = cached ?? (await options.render(data));
      // Made on every card, not once: the folder may be deleted while a build or `astro dev` runs.
      mkdirSync(folder, { recursive: true });
      if (!cached) {
        // Written under a temporary name first, so an interrupted build never leaves half a PNG behind.
        const partial = `${file}.${process.pid}.partial`;
        await writeFile(partial, png);
        await rename(partial, file);
      }
      appendFileSync(cardLogFile(folder), `${cached ? "cached" : "rendered"} ${key}\n`);
      return png;
    },
  };
}

/** What the cards of one build did: how many were drawn, how many came from the cache, and the keys used. */
export interface CardCounts {
  rendered: number;
  fromCache: number;
  keys: Set<string>;
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Deletes this process's build log and the logs of build processes that are gone (crashed builds). */
export async function clearCardLogs(folder: string): Promise<void> {
  await rm(cardLogFile(folder), { force: true });
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/^build-log-(\d+)\.txt$/.exec(name)?.[1]);
    if (pid && !isRunning(pid)) await rm(path.join(folder, name), { force: true });
  }
}

/** The counts of this process's build log in `folder`; zero counts when no card was served. */
export async function readCardCounts(folder: string): Promise<CardCounts> {
  const log = await readFile(cardLogFile(folder), "utf8").catch(() => "");
  const counts: CardCounts = { rendered: 0, fromCache: 0, keys: new Set() };
  for (const line of log.split("\n")) {
    const [what, key] = line.split(" ");
    if (!key) continue;
    if (what === "rendered") counts.rendered++;
    else counts.fromCache++;
    counts.keys.add(key);
  }
  return counts;
}

/** The one line a build prints about its cards. */
export function formatCardCounts(counts: Pick<CardCounts, "rendered" | "fromCache">): string {
  return `social cards: ${counts.rendered} rendered, ${counts.fromCache} from cache`;
}

/** Deletes the cached cards whose key is not in `keep` (cards no page uses any more); returns how many went. */
export async function pruneCardCache(folder: string, keep: ReadonlySet<string>): Promise<number> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const stale = names.filter((name) => /^[0-9a-f]{64}\.png$/.test(name) && !keep.has(name.slice(0, -".png".length)));
  await Promise.all(stale.map((name) => rm(path.join(folder, name), { force: true })));
  return stale.length;
}
