/**
 * The targets `npm run bench` checks (issue 7 and the floor decided after it), and the pure arithmetic
 * behind them, so `test/bench.test.ts` can pin what passes.
 */

/** The targets. A run where one fails exits with status 1. */
export const TARGETS = {
  /** Build without social cards at most this many times the floor: bare Astro + Pagefind's CLI on our pages. */
  maxFloorRatio: 1.3,
  /** Peak memory of any build's (or the dev server's) process tree. */
  maxPeakMemoryBytes: 2 * 1024 ** 3,
  /** CPU cores busy while cards are drawn, on average; 1.5 of 2 counts as "both cores". */
  minCardCores: 1.5,
  /** `validate` of 100,000 requests, wall time including Node's start-up. */
  maxValidateSeconds: 5,
  /** Warm `npm run build` of the sample site at most this many times a bare Astro build of as many pages. */
  maxSampleBuildRatio: 2,
  /** `npm run dev` on the sample: from the command to Astro's "ready" line. */
  maxDevReadySeconds: 6,
  /** Then from "ready" to the first page's whole response. */
  maxDevFirstPageSeconds: 3,
  /** From saving a CSV file to its new text being in the page open in the browser (median of the edits). */
  maxCsvEditSeconds: 2,
} as const;

/** `a ÷ b` to two decimals. */
export function ratio(a: number, b: number): number {
  if (!(b > 0)) throw new Error(`Cannot divide by ${b}`);
  return Math.round((a / b) * 100) / 100;
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("The median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The figures of the editor loop (the sample site) that have targets. */
export interface EditorLoopFigures {
  /** Warm `npm run build` of the sample ÷ the bare Astro build of as many pages. */
  warmBuildToFloor: number;
  devReadySeconds: number;
  devFirstPageSeconds: number;
  /** Seconds from saving to the new text in the page, one per edit. */
  csvEditSeconds: readonly number[];
}

/** The figures of a run that have targets; `editorLoop` is absent when that part was skipped. */
export interface TargetFigures {
  /** Build without cards ÷ (bare Astro + Pagefind CLI). */
  buildToFloor: number;
  /** The largest peak of every measured process tree. */
  peakMemoryBytes: number;
  cardCoresBusy: number;
  cardsDrawnOnRebuild: number;
  /** Cards drawn by a deploy of an unchanged commit from a fresh clone with the card cache restored; absent when skipped. */
  cardsDrawnOnDeploy?: number;
  validate100kSeconds: number;
  editorLoop?: EditorLoopFigures;
}

/** Whether each target is met, by name (the names are those of bench/results/latest.json). */
export function checkTargets(figures: TargetFigures): Record<string, boolean> {
  const loop = figures.editorLoop;
  return {
    buildAtMost1_3xFloor: figures.buildToFloor <= TARGETS.maxFloorRatio,
    peakMemoryUnder2GiB: figures.peakMemoryBytes < TARGETS.maxPeakMemoryBytes,
    cardsOnBothCores: figures.cardCoresBusy >= TARGETS.minCardCores,
    noCardOnUnchangedRebuild: figures.cardsDrawnOnRebuild === 0,
    validate100kUnder5s: figures.validate100kSeconds < TARGETS.maxValidateSeconds,
    ...(figures.cardsDrawnOnDeploy !== undefined && { noCardOnUnchangedDeploy: figures.cardsDrawnOnDeploy === 0 }),
    ...(loop && {
      sampleWarmBuildAtMost2xFloor: loop.warmBuildToFloor <= TARGETS.maxSampleBuildRatio,
      devReadyWithin6s: loop.devReadySeconds <= TARGETS.maxDevReadySeconds,
      devFirstPageWithin3s: loop.devFirstPageSeconds <= TARGETS.maxDevFirstPageSeconds,
      csvEditVisibleWithin2s:
        loop.csvEditSeconds.length > 0 && median(loop.csvEditSeconds) <= TARGETS.maxCsvEditSeconds,
    }),
  };
}
