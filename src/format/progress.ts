/** What a progress report counts, where it prints, and how often. */
export interface ProgressOptions {
  /** What is counted, as the line names it: `social cards`, `search index`. */
  label: string;
  /** What happened to each item: `drawn`, `pages indexed`. */
  done: string;
  /** How many items there are. */
  total: number;
  /** Prints one line. */
  log: (line: string) => void;
  /** The clock, in milliseconds (`performance.now` by default; tests pass their own). */
  now?: () => number;
  /** A line at least this often while work goes on, in milliseconds. */
  everyMs?: number;
}

/** A progress report: told of each finished item, it prints a line at every tenth of the work and every few seconds. */
export interface Progress {
  /** Counts `count` more items as finished. */
  advance: (count?: number) => void;
}

/** A duration as a reader says it: `8 s`, `1 min 05 s`, `12 min`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes >= 10) return `${Math.round(seconds / 60)} min`;
  return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/** A progress line, e.g. `social cards: 40 of 134 drawn (29 %), about 28 s left`; the time left is from the pace so far. */
export function progressLine(label: string, done: string, count: number, total: number, elapsedMs: number): string {
  const percent = Math.floor((count / total) * 100);
  const left = count > 0 ? `, about ${formatDuration((elapsedMs / count) * (total - count))} left` : "";
  return `${label}: ${count} of ${total} ${done} (${percent} %)${left}`;
}

/**
 * Reports progress on `total` items: a line when each tenth of the work is passed, and one at least every
 * `everyMs` (5 s) while it goes on, so a long build is never silent. None for the last item: the caller
 * says what was done. A report of 0 items prints nothing.
 */
export function trackProgress(options: ProgressOptions): Progress {
  const { label, done, total, log, now = () => performance.now(), everyMs = 5000 } = options;
  const started = now();
  let count = 0;
  let lastTenth = 0;
  let lastLine = started;
  return {
    advance: (by = 1) => {
      count += by;
      if (count >= total) return;
      const tenth = Math.floor((count / total) * 10);
      const at = now();
      if (tenth <= lastTenth && at - lastLine < everyMs) return;
      lastTenth = tenth;
      lastLine = at;
      log(progressLine(label, done, count, total, at - started));
    },
  };
}
