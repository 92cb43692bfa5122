/** How a check came out: `ok`, `warning` (the site builds, but something needs attention) or `problem`. */
export type Mark = "ok" | "warning" | "problem";

/** One line of `vitrine doctor`: what was checked, what it found and, when not ok, what to do. */
export interface CheckLine {
  mark: Mark;
  /** What was checked, e.g. `Node`, `Canary`, `Deploy`. */
  topic: string;
  /** What the check found, in one sentence. */
  text: string;
  /** What to do about it; only for a warning or a problem. */
  fix?: string;
}

/** A check line as printed: the mark padded to one width, the topic, the finding and what to do. */
export function formatCheckLine(line: CheckLine): string {
  const fix = line.fix ? ` To fix: ${line.fix}` : "";
  return `${line.mark.padEnd(7)} ${line.topic}: ${line.text}${fix}`;
}

/** A check's error as its own problem line, so an unexpected failure never stops the other checks. */
export function failedCheck(topic: string, error: unknown): CheckLine {
  const message = error instanceof Error ? error.message : String(error);
  return {
    mark: "problem",
    topic,
    text: `the check could not finish: ${message.split("\n")[0] ?? ""}`,
    fix: "fix what the message names, then run vitrine doctor again; if it persists, report it with this line",
  };
}

/** A size for a terminal: bytes, kB or MB (1 kB = 1000 bytes) with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
