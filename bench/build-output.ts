/**
 * Readers of what the bench's commands print: Astro's build and dev server, the site's own build lines
 * (social cards, search index) and Pagefind's CLI. Pure, so `test/bench.test.ts` pins the formats.
 */

/** The social-card lines of a build's output: cards drawn and taken from the cache, and the worker pool's figures when it ran. */
export function cardLines(output: string): {
  rendered: number;
  fromCache: number;
  pool?: { cards: number; seconds: number; workers: number; atATime: number };
} {
  const counts = /social cards: (\d+) rendered, (\d+) from cache/.exec(output);
  if (!counts) throw new Error(`No "social cards:" line in the build output:\n${output.slice(-2000)}`);
  const pool = /card rendering: (\d+) cards in ([\d.]+) s on (\d+) worker process(?:es)? \(([\d.]+) at a time/.exec(
    output,
  );
  return {
    rendered: Number(counts[1]),
    fromCache: Number(counts[2]),
    ...(pool && {
      pool: { cards: Number(pool[1]), seconds: Number(pool[2]), workers: Number(pool[3]), atATime: Number(pool[4]) },
    }),
  };
}

/** Seconds from Astro's "1m 2s", "20.78s" or "950ms". */
export function astroDuration(text: string): number {
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)(ms|m|s)/g))
    seconds += Number(value) * (unit === "m" ? 60 : unit === "ms" ? 0.001 : 1);
  return seconds;
}

/** How long Astro spent generating pages (its "generating static routes" step), in seconds, to 0.01 s. */
export function pageGenerationSeconds(output: string): number {
  const step = output.slice(output.indexOf("generating static routes"));
  const done = /✓ Completed in ([\dms. ]+?)\.?\s*$/m.exec(step);
  if (!done?.[1]) throw new Error(`No page generation time in the build output:\n${output.slice(-2000)}`);
  return Math.round(astroDuration(done[1]) * 100) / 100;
}

/** Pages indexed and seconds spent by the build's search index (its `pagefind/: N pages indexed in X s` line). */
export function searchIndexLine(output: string): { pages: number; seconds: number } {
  const line = /pagefind\/: (\d+) pages indexed in ([\d.]+) s/.exec(output);
  if (!line?.[1] || !line[2]) throw new Error(`No search index line in the build output:\n${output.slice(-2000)}`);
  return { pages: Number(line[1]), seconds: Number(line[2]) };
}

/** Pages Pagefind's CLI says it indexed (`Indexed N pages` in its summary). */
export function pagefindCliPages(output: string): number {
  const line = /^\s*Indexed (\d+) pages?\s*$/m.exec(output);
  if (!line?.[1]) throw new Error(`No "Indexed N pages" line in Pagefind's output:\n${output.slice(-2000)}`);
  return Number(line[1]);
}

/** Astro's own start-up time from `astro dev`'s "ready in N ms" line, or undefined while it has not printed it. */
export function devReadyMs(output: string): number | undefined {
  const line = /\bready in (\d+) ms\b/.exec(output);
  return line?.[1] === undefined ? undefined : Number(line[1]);
}
