import { describe, expect, it } from "vitest";
import { formatDuration, trackProgress } from "../../src/format/progress.ts";

/** Runs a progress report of `total` items over a fake clock: `steps` gives each item's duration in ms. */
function report(total: number, steps: readonly number[]): string[] {
  const lines: string[] = [];
  let clock = 0;
  const progress = trackProgress({
    label: "social cards",
    done: "drawn",
    total,
    log: (line) => lines.push(line),
    now: () => clock,
  });
  for (const ms of steps) {
    clock += ms;
    progress.advance();
  }
  return lines;
}

describe("progress of long work", () => {
  it("prints a line at each tenth of the work with the time left at the pace so far, none for the last item", () => {
    expect(
      report(
        20,
        Array.from({ length: 20 }, () => 100),
      ),
    ).toEqual([
      "social cards: 2 of 20 drawn (10 %), about 2 s left",
      "social cards: 4 of 20 drawn (20 %), about 2 s left",
      "social cards: 6 of 20 drawn (30 %), about 1 s left",
      "social cards: 8 of 20 drawn (40 %), about 1 s left",
      "social cards: 10 of 20 drawn (50 %), about 1 s left",
      "social cards: 12 of 20 drawn (60 %), about 1 s left",
      "social cards: 14 of 20 drawn (70 %), about 1 s left",
      "social cards: 16 of 20 drawn (80 %), about 1 s left",
      "social cards: 18 of 20 drawn (90 %), about 1 s left",
    ]);
  });

  it("prints a line every 5 s while a tenth takes longer, so a slow build is never silent", () => {
    // 1,000 cards at 1.5 s each: a tenth takes 150 s.
    const lines = report(
      1000,
      Array.from({ length: 12 }, () => 1500),
    );
    expect(lines).toEqual([
      "social cards: 4 of 1000 drawn (0 %), about 25 min left",
      "social cards: 8 of 1000 drawn (0 %), about 25 min left",
      "social cards: 12 of 1000 drawn (1 %), about 25 min left",
    ]);
  });

  it("says durations as a reader does", () => {
    expect(formatDuration(200)).toBe("1 s");
    expect(formatDuration(42_400)).toBe("42 s");
    expect(formatDuration(65_000)).toBe("1 min 05 s");
    expect(formatDuration(12 * 60_000 + 20_000)).toBe("12 min");
  });

  it("prints nothing for no work or one item", () => {
    expect(report(0, [])).toEqual([]);
    expect(report(1, [3000])).toEqual([]);
  });
});
