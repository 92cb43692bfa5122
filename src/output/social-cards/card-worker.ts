/**
 * A worker process of the card pool (see `card-pool.ts`): it draws each card it is sent and writes the
 * PNG to the cache, then reports the time it took. It runs in plain Node (not through Vite), so it
 * imports only Node-runnable `.ts` modules.
 */
import { writeCardFile } from "./card-cache.ts";
import type { CardData } from "./card-data.ts";
import { renderCardPng } from "./card-render.ts";

/** A card to draw and the cache file to write it to. */
export interface CardJob {
  key: string;
  file: string;
  data: CardData;
}

/** What the worker sends back for each job: the time it took, or why it failed. */
export type CardJobResult = { key: string; ms: number } | { key: string; error: string };

/** Draws one card and reports back; a failure is reported too, so the returned promise never rejects. */
async function drawCard(job: CardJob): Promise<void> {
  const start = performance.now();
  let result: CardJobResult;
  try {
    await writeCardFile(job.file, await renderCardPng(job.data));
    result = { key: job.key, ms: performance.now() - start };
  } catch (error) {
    result = { key: job.key, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.send?.(result);
}

process.on("message", (job: CardJob) => void drawCard(job));
