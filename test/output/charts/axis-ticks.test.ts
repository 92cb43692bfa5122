import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateTextWidth, fitText } from "../../../src/output/charts/axis-ticks.ts";

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
