import { fork, type ChildProcess } from "node:child_process";
import { mkdir, readdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { cardCacheKey, cardFile, type CardPoolTimes } from "./card-cache.ts";
import type { CardData } from "./card-data.ts";
import type { CardJob, CardJobResult } from "./card-worker.ts";
import { trackProgress } from "../../format/progress.ts";

/** Settings of the card pool. */
export interface CardPoolOptions {
  /** The card cache folder (see `cardCacheFolder`). */
  folder: string;
  /**
   * The worker module. By default `vitrine/card-worker`, found by module resolution wherever this module runs
   * (the build bundles this module, not the worker, which runs as a file of the package).
   */
  workerFile?: URL;
  /** The font hashes that are part of every card's key. */
  fontHashes: readonly string[];
  /** Worker processes to start; by default one per core the process may use (`os.availableParallelism()`). */
  workers?: number;
  /** Prints how many cards are to draw, then how far the drawing is and the time left (see `trackProgress`). */
  log?: (line: string) => void;
}

/**
 * Node options of a card worker. A card needs a few MB at a time, but with V8's defaults a worker's
 * heap grew to about 300 MB of garbage before it was collected; these limits keep it near 120 MB
 * (measured on 600 cards) at the same speed.
 */
const WORKER_NODE_OPTIONS = ["--max-old-space-size=192", "--max-semi-space-size=8"];

/**
 * The environment of a card worker process: the build's, without its mimalloc settings (`MIMALLOC_*`,
 * which `npm run build` sets so Rolldown gives its memory back; see README). resvg uses the same
 * allocator, and with them drew cards a quarter slower (25 instead of 32 a second); a worker needs none
 * of it, as it gives all its memory back when it ends.
 */
export function cardWorkerEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("MIMALLOC_")));
}

/**
 * Worker processes to use: `VITRINE_CARD_WORKERS` when set to a whole number (0 turns the pool off, so
 * each card is drawn when its route is built, one at a time), else one per core.
 */
export function cardWorkerCount(env: Record<string, string | undefined> = process.env): number {
  const setting = env["VITRINE_CARD_WORKERS"];
  if (setting !== undefined && /^\d+$/.test(setting)) return Number(setting);
  return availableParallelism();
}

/**
 * Draws every card of `cards` that is not in the cache yet, in worker processes, and writes each to
 * the cache; the card endpoint then serves all of them from the cache. Cards are handed out one at a
 * time, so a slow card never holds up a worker's queue. Processes rather than worker threads: a thread
 * that has drawn thousands of cards leaves about 100 MB of native memory (resvg's pixmaps) in the build
 * process after it ends, which pushed a 10,000-page build over 2 GiB; a process gives it all back.
 * Returns the timings and the keys of the cards drawn, or undefined when nothing was missing. Any card
 * that fails to draw fails the whole call.
 */
export async function renderMissingCards(
  cards: readonly CardData[],
  options: CardPoolOptions,
): Promise<(CardPoolTimes & { keys: string[] }) | undefined> {
  const present = new Set(await readdir(options.folder).catch(() => [] as string[]));
  const jobs = new Map<string, CardJob>();
  const keys = new Set<string>();
  for (const data of cards) {
    const key = cardCacheKey(data, options.fontHashes);
    keys.add(key);
    const file = cardFile(options.folder, key);
    if (!present.has(`${key}.png`) && !jobs.has(key)) jobs.set(key, { key, file, data });
  }
  if (jobs.size === 0) return undefined;
  await mkdir(options.folder, { recursive: true });

  const queue = [...jobs.values()];
  const workerCount = Math.max(1, Math.min(options.workers ?? availableParallelism(), queue.length));
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const cached = keys.size - queue.length;
  log(
    `social cards: drawing ${queue.length} (${cached} already in the cache) on ${workerCount} worker process${workerCount === 1 ? "" : "es"}`,
  );
  const progress = trackProgress({ label: "social cards", done: "drawn", total: queue.length, log });
  let busyMs = 0;
  const drawn: string[] = [];
  const workers: ChildProcess[] = Array.from({ length: workerCount }, () =>
    fork(fileURLToPath(options.workerFile ?? new URL(import.meta.resolve("vitrine/card-worker"))), [], {
      execArgv: WORKER_NODE_OPTIONS,
      env: cardWorkerEnvironment(),
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const job = queue.shift();
              if (job) worker.send(job);
              else resolve();
            };
            worker.on("message", (result: CardJobResult) => {
              if ("error" in result) {
                reject(new Error(`The social card ${result.key} could not be drawn: ${result.error}`));
                return;
              }
              busyMs += result.ms;
              drawn.push(result.key);
              progress.advance();
              next();
            });
            worker.on("error", reject);
            worker.on("exit", (code, signal) =>
              reject(
                new Error(`A card worker stopped before the cards were drawn (exit code ${code}, signal ${signal})`),
              ),
            );
            next();
          }),
      ),
    );
  } finally {
    for (const worker of workers) {
      worker.removeAllListeners("exit");
      worker.kill();
    }
  }
  return { cards: drawn.length, workers: workerCount, wallMs: performance.now() - started, busyMs, keys: drawn };
}
