import { median } from "d3-array";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { weightedMedian } from "../../../src/model/report/weighted-median.ts";

describe("weightedMedian", () => {
  it("is d3's median of the list with every value repeated weight times", () => {
    const weighted = fc.array(
      fc.record({ value: fc.integer({ min: -50, max: 5000 }), weight: fc.integer({ min: 0, max: 6 }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(weighted, (values) => {
        const expanded = values.flatMap(({ value, weight }) => Array.from({ length: weight }, () => value));
        expect(weightedMedian(values)).toBe(median(expanded));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [[], undefined],
    [[{ value: 4, weight: 0 }], undefined],
    [[{ value: 7, weight: 3 }], 7],
    [
      [
        { value: 1, weight: 1 },
        { value: 9, weight: 1 },
      ],
      5,
    ],
  ])("%j → %s", (values, expected) => {
    expect(weightedMedian(values)).toBe(expected);
  });

  it("takes weights up to Number.MAX_SAFE_INTEGER, and totals beyond it, without making a list of that size", () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(weightedMedian([{ value: 3, weight: max }])).toBe(3);
    // Total 2 × max + 1 (odd): the middle request is the one of weight 1.
    expect(
      weightedMedian([
        { value: 1, weight: max },
        { value: 2, weight: 1 },
        { value: 30, weight: max },
      ]),
    ).toBe(2);
    // Total 2 × max (even): the two middle requests are the last 1 and the first 30.
    expect(
      weightedMedian([
        { value: 30, weight: max },
        { value: 1, weight: max },
      ]),
    ).toBe(15.5);
  });
});
