import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CardData } from "./card-data.ts";
import { CARD_TEMPLATE_VERSION } from "./card-template.ts";

/** Folder of the card cache inside Astro's cache directory (`cacheDir`, `node_modules/.astro/` by default). */
export const CARD_CACHE_FOLDER = "social-cards";
/** The card cache's folder for Astro's cache directory. */
export function cardCacheFolder(astroCacheDir: string): string {
  return path.join(astroCacheDir, CARD_CACHE_FOLDER);
}

/**
 * The cache key of a card: sha256 of the template version, the card's data and the hashes of the
 * font files. Anything that changes what is drawn changes the key; nothing else does.
 */
export function cardCacheKey(
  data: CardData,
  fontHashes: readonly string[],
  version: string = CARD_TEMPLATE_VERSION,
): string {
  return createHash("sha256")
    .update(JSON.stringify([version, data, fontHashes]))
    .digest("hex");
}

/** Writes a card's PNG under a temporary name first, so an interrupted build never leaves half a PNG behind. */
export async function writeCardFile(file: string, png: Uint8Array): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, png);
  await rename(partial, file);
}

/** The cache file of a card key. */
export const cardFile = (folder: string, key: string): string => path.join(folder, `${key}.png`);

/** How a cache gets what it needs: the renderer and the font hashes (injected, so tests can count renders). */
export interface CardCacheOptions {
  render: (data: CardData) => Promise<Uint8Array>;
  fontHashes: () => Promise<readonly string[]>;
}

/** A disk cache of card PNGs in one folder, counting what it served. */
export interface CardCache {
  /** The card's PNG: from the cache when a card with the same key was drawn before, else drawn and stored. */
  png: (data: CardData) => Promise<Uint8Array>;
  /** What it served so far: cards drawn, cards from the cache, and their keys. */
  counts: () => CardCounts;
}

/** A card cache in `folder`. */
export function createCardCache(folder: string, options: CardCacheOptions): CardCache {
  const counts: CardCounts = { rendered: 0, fromCache: 0, keys: new Set() };
  return {
    counts: () => counts,
    png: async (data) => {
      const key = cardCacheKey(data, await options.fontHashes());
      const file = cardFile(folder, key);
      const cached = await readFile(file).catch(() => undefined);
      const png = cached ?? (await options.render(data));
      if (!cached) {
        // Made for every card drawn, not once: the folder may be deleted while a build or `astro dev` runs.
        mkdirSync(folder, { recursive: true });
        await writeCardFile(file, png);
      }
      if (cached) counts.fromCache++;
      else counts.rendered++;
      counts.keys.add(key);
      return png;
    },
  };
}

/** How the worker pool drew the cards missing from the cache: how many, in how long, in how many processes. */
export interface CardPoolTimes {
  cards: number;
  workers: number;
  /** Wall time from the first card sent to the last one written, ms. */
  wallMs: number;
  /** Time the workers spent drawing and writing, summed over cards, ms: `busyMs / wallMs` cards were drawn at a time on average. */
  busyMs: number;
}

/** What the cards of one build did: how many were drawn, how many came from the cache, and the keys used. */
export interface CardCounts {
  rendered: number;
  fromCache: number;
  keys: Set<string>;
}

/**
 * What the cards of a build did, from what its cache served and the keys the worker pool drew ahead:
 * a card the pool drew counts as rendered once, though the cache then served it.
 */
export function buildCardCounts(served: CardCounts, drawnAhead: readonly string[] = []): CardCounts {
  const ahead = Math.min(drawnAhead.length, served.fromCache);
  return { rendered: served.rendered + ahead, fromCache: served.fromCache - ahead, keys: served.keys };
}

/** The one line a build prints about its cards. */
export function formatCardCounts(counts: Pick<CardCounts, "rendered" | "fromCache">): string {
  return `social cards: ${counts.rendered} rendered, ${counts.fromCache} from cache`;
}

/** The line a build prints about the worker pool, e.g. `card rendering: 1200 cards in 15.2 s on 2 worker processes (1.98 at a time on average)`. */
export function formatCardPoolTimes(times: CardPoolTimes): string {
  const parallel = times.wallMs > 0 ? times.busyMs / times.wallMs : 0;
  return `card rendering: ${times.cards} cards in ${(times.wallMs / 1000).toFixed(1)} s on ${times.workers} worker process${times.workers === 1 ? "" : "es"} (${parallel.toFixed(2)} at a time on average)`;
}

/** Deletes the cached cards whose key is not in `keep` (cards no page uses any more); returns how many went. */
export async function pruneCardCache(folder: string, keep: ReadonlySet<string>): Promise<number> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const stale = names.filter((name) => /^[0-9a-f]{64}\.png$/.test(name) && !keep.has(name.slice(0, -".png".length)));
  await Promise.all(stale.map((name) => rm(path.join(folder, name), { force: true })));
  return stale.length;
}
