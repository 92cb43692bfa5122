import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CardData } from "./card-data.ts";
import { CARD_TEMPLATE_VERSION } from "./card-template.ts";

/** Folder of the card cache inside Astro's cache directory (`cacheDir`, `node_modules/.astro/` by default). */
export const CARD_CACHE_FOLDER = "social-cards";
/**
 * The log of the cards a build process drew and served: `rendered <key>` (drawn when served),
 * `cached <key>` (served from the cache), `prerendered <key>` (drawn ahead by the worker pool, then
 * served from the cache) and one `pool …` line of timings. One file per process, so two builds of the
 * same project at once do not count each other's cards.
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
export function cardCacheKey(
  data: CardData,
  fontHashes: readonly string[],
  version: string = CARD_TEMPLATE_VERSION,
): string {
  return createHash("sha256")
    .update(JSON.stringify([version, data, fontHashes]))
    .digest("hex");
}

// Log lines not yet appended, per log file. Appending one line per card cost an open and a close for
// each of thousands of cards, so lines are written in batches, and before anyone reads the log. On
// globalThis: the card endpoint (in the build's bundle) and the report integration (loaded with the
// config) each have their own copy of this module, in the same process.
const PENDING = Symbol.for("vitrine.cardLogPending");
const pendingLines = ((globalThis as Record<symbol, unknown>)[PENDING] ??= new Map<string, string[]>()) as Map<
  string,
  string[]
>;
const LOG_BATCH = 500;

/** Adds a line to this process's build log in `folder` (written in batches; see `flushCardLog`). */
function logCardLine(folder: string, line: string): void {
  const file = cardLogFile(folder);
  let lines = pendingLines.get(file);
  if (!lines) pendingLines.set(file, (lines = []));
  lines.push(`${line}\n`);
  if (lines.length >= LOG_BATCH) flushCardLog(folder);
}

/** Appends the lines of this process's build log in `folder` that are still in memory. */
export function flushCardLog(folder: string): void {
  const file = cardLogFile(folder);
  const lines = pendingLines.get(file);
  if (!lines || lines.length === 0) return;
  mkdirSync(folder, { recursive: true });
  appendFileSync(file, lines.join(""));
  lines.length = 0;
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

/** A disk cache of card PNGs in one folder. */
export interface CardCache {
  /** The card's PNG: from the cache when a card with the same key was drawn before, else drawn and stored. */
  png: (data: CardData) => Promise<Uint8Array>;
}

/**
 * A card cache in `folder`. Each card served goes into the folder's build log, so the build's
 * integration can report and prune; a log in a file (rather than a count in memory) stays right
 * however many copies of the endpoint module the build loads.
 */
export function createCardCache(folder: string, options: CardCacheOptions): CardCache {
  return {
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
      logCardLine(folder, `${cached ? "cached" : "rendered"} ${key}`);
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
  /** Present when the worker pool drew cards in this build. */
  pool?: CardPoolTimes;
}

/** Appends the pool's cards and timings to this process's build log. */
export function logPrerenderedCards(folder: string, keys: readonly string[], times: CardPoolTimes): void {
  for (const key of keys) logCardLine(folder, `prerendered ${key}`);
  logCardLine(folder, `pool ${times.cards} ${times.workers} ${times.wallMs.toFixed(0)} ${times.busyMs.toFixed(0)}`);
  flushCardLog(folder);
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
  pendingLines.delete(cardLogFile(folder));
  await rm(cardLogFile(folder), { force: true });
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/^build-log-(\d+)\.txt$/.exec(name)?.[1]);
    if (pid && !isRunning(pid)) await rm(path.join(folder, name), { force: true });
  }
}

/**
 * The counts of this process's build log in `folder`; zero counts when no card was served. A card the
 * pool drew ahead counts as rendered once, though it is then served from the cache.
 */
export async function readCardCounts(folder: string): Promise<CardCounts> {
  flushCardLog(folder);
  const log = await readFile(cardLogFile(folder), "utf8").catch(() => "");
  const counts: CardCounts = { rendered: 0, fromCache: 0, keys: new Set() };
  let prerendered = 0;
  for (const line of log.split("\n")) {
    const [what, key, ...rest] = line.split(" ");
    if (!key) continue;
    if (what === "pool") {
      const [workers = 0, wallMs = 0, busyMs = 0] = rest.map(Number);
      counts.pool = { cards: Number(key), workers, wallMs, busyMs };
      continue;
    }
    if (what === "prerendered") prerendered++;
    else if (what === "rendered") counts.rendered++;
    else counts.fromCache++;
    counts.keys.add(key);
  }
  const drawnAhead = Math.min(prerendered, counts.fromCache);
  return { ...counts, rendered: counts.rendered + drawnAhead, fromCache: counts.fromCache - drawnAhead };
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
