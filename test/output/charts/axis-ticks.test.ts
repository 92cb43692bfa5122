import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateTextWidth, fitText, yearLabels } from "../../../src/output/charts/axis-ticks.ts";
import { scaleBand } from "d3-scale";
import { FONT_SIZE, MIN_LABEL_GAP, NARROW_CHART_WIDTH } from "../../../src/output/charts/chart-layout.ts";

/**
 * The shortening as it was first written, a search from the longest cut down (quadratic in the text's
 * length): the reference `fitText` must agree with on text of single-code-point characters.
 */
function referenceFitText(text: string, width: number, fontSize: number, wholeWords: boolean): string {
  if (estimateTextWidth(text, fontSize) <= width) return text;
  const chars = [...text];
  let keep = chars.length - 1;
  const cut = (n: number): string => `${chars.slice(0, n).join("").trimEnd()}…`;
  const fits = (n: number): boolean => estimateTextWidth(cut(n), fontSize) <= width;
  while (keep > 1 && !fits(keep)) keep -= 1;
  if (wholeWords) {
    let word = keep;
    while (word > 0 && !/\s/.test(chars[word] ?? "")) word -= 1;
    if (word > 0) return cut(word);
  }
  return cut(Math.max(1, keep));
}

const graphemes = (text: string): string[] =>
  [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)].map((s) => s.segment);

describe("fitText", () => {
  it("cuts where a search over every possible cut does, with and without whole words", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "W", "m", "1", " ", "é", "Ж", "%", "\t"), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 400 }), fc.boolean(), (t, width, wholeWords) => {
        expect(fitText(t, width, 15, { wholeWords })).toBe(referenceFitText(t, width, 15, wholeWords));
      }),
      { numRuns: 500 },
    );
  });

  it("never splits an emoji, a flag or a letter and its accents", () => {
    const unit = fc.constantFrom("👩‍👩‍👧", "🇧🇪", "e\u0301", "ن", "\u200c", "a", " ", "🙂");
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 40 }), fc.integer({ min: 10, max: 300 }), (t, width) => {
        const cut = fitText(t, width, 15);
        if (cut === t) return;
        const shown = graphemes(cut.slice(0, -1));
        expect(graphemes(t).slice(0, shown.length)).toEqual(shown);
      }),
      { numRuns: 300 },
    );
  });

  // Not a timing (speed is npm run bench's): a guard against a hang. Quadratic, 20,000 characters took 4.7 s and
  // a 1 MB title would take hours; read only up to what fits, it takes well under a millisecond.
  it("shortens a 1 MB title (it was quadratic: 20,000 characters took 4.7 s)", { timeout: 10_000 }, () => {
    const title = "Blocked ".repeat(131_072);
    const cut = fitText(title, 230, 15, { wholeWords: true });
    const cutMidWord = fitText("W".repeat(1_000_000), 230, 15);
    expect(cut).toBe("Blocked Blocked Blocked…");
    expect(estimateTextWidth(cutMidWord, 15)).toBeLessThanOrEqual(230);
    expect(cutMidWord).toMatch(/^W+…$/);
  });
});

describe("year labels under half-year bands", () => {
  /** Half-year bands from the second half of `from` to the second half of `to`, across `width`. */
  function halfYears(from: number, to: number, width: number): { center: number; text: string; year: number }[] {
    const keys = Array.from({ length: (to - from) * 2 + 1 }, (_, i) => {
      const year = from + Math.floor((i + 1) / 2);
      return { key: `${year} H${(i + 1) % 2 === 0 ? 1 : 2}`, year };
    });
    const x = scaleBand()
      .domain(keys.map((k) => k.key))
      .range([40, width - 8]);
    return keys.map((k) => ({ center: (x(k.key) ?? 0) + x.bandwidth() / 2, text: k.key, year: k.year }));
  }

  it("keeps every band's own label when they all fit", () => {
    const bands = halfYears(2023, 2024, 640);
    expect(yearLabels(bands, 0, FONT_SIZE, MIN_LABEL_GAP, [0, 640]).map((l) => l.text)).toEqual(
      bands.map((b) => b.text),
    );
  });

  it.each([640, NARROW_CHART_WIDTH])(
    "labels years at one of d3's nice steps, on its multiples, centred under the year (%i units)",
    (width) => {
      const bands = halfYears(2017, 2025, width);
      const labels = yearLabels(bands, 0, FONT_SIZE, MIN_LABEL_GAP, [0, width]);
      const years = labels.map((l) => Number(l.text));
      expect(years.length).toBeGreaterThan(1);
      const step = (years[1] ?? 0) - (years[0] ?? 0);
      expect([1, 2, 5, 10]).toContain(step);
      for (const [i, label] of labels.entries()) {
        const year = years[i] ?? 0;
        expect(year % step, label.text).toBe(0);
        if (i > 0) expect(year - (years[i - 1] ?? 0)).toBe(step);
        const own = bands.filter((b) => b.year === year).map((b) => b.center);
        expect(label.x).toBeCloseTo((Math.min(...own) + Math.max(...own)) / 2, 0);
        const before = labels[i - 1];
        if (before)
          expect(label.x - before.x).toBeGreaterThanOrEqual(
            (estimateTextWidth(label.text, FONT_SIZE) + estimateTextWidth(before.text, FONT_SIZE)) / 2 + MIN_LABEL_GAP,
          );
      }
    },
  );
});
