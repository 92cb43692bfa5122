import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBands, bandText, bandValue, remainder } from "../../../src/contract/fields/band.ts";
import { parsePublishedPeriod } from "../../../src/contract/fields/published-period.ts";

describe("published periods", () => {
  it.each([
    ["2024", { key: "2024", kind: "year", start: "2024-01-01", end: "2024-12-31" }],
    ["2025-h1", { key: "2025-h1", text: "2025-H1", kind: "half", start: "2025-01-01", end: "2025-06-30" }],
    ["2024-Q3", { key: "2024-q3", kind: "quarter", start: "2024-07-01", end: "2024-09-30" }],
    ["2024-02", { key: "2024-02", kind: "month", start: "2024-02-01", end: "2024-02-29" }],
    ["2023-02", { key: "2023-02", kind: "month", start: "2023-02-01", end: "2023-02-28" }],
    ["2024-Q4", { kind: "quarter", start: "2024-10-01", end: "2024-12-31" }],
  ])("reads %s as exactly what the report covers", (cell, expected) => {
    expect(parsePublishedPeriod(cell)).toMatchObject(expected);
  });

  it.each(["2024-H3", "2024-Q5", "2024-13", "2024-00", "24", "2024-1", "H1-2024", "2024/H1", ""])(
    "refuses %s",
    (cell) => {
      expect(parsePublishedPeriod(cell)).toHaveProperty("error");
    },
  );
});

describe("bands", () => {
  it("reads numbers and bands as published, and refuses a band upside down", () => {
    expect(bandValue().parse("446")).toEqual({ low: 446, high: 446 });
    expect(bandValue().parse("0-249")).toEqual({ low: 0, high: 249 });
    expect(bandValue().parse("0–249")).toEqual({ low: 0, high: 249 });
    expect(bandValue().safeParse("249-0").error?.issues[0]?.message).toMatch(/lower bound is not above its upper/);
    expect(bandValue().safeParse("1,234").success).toBe(false);
    expect(bandValue().safeParse("-3").success).toBe(false);
  });

  it("writes a band as the CSV does", () => {
    expect(bandText({ low: 5, high: 5 })).toBe("5");
    expect(bandText({ low: 0, high: 249 })).toBe("0-249");
    expect(bandText({ low: 12, high: Infinity })).toBe("12+");
  });

  // A band stands for an unknown number in it: the sum of bands, and the rest of a total after its
  // parts, must hold the true sum and the true rest, whatever the true numbers are.
  const bandWithValue = fc
    .tuple(fc.nat(1000), fc.nat(1000), fc.nat(1000))
    .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y))
    .map(([low = 0, value = 0, high = 0]) => ({ band: { low, high }, value }));

  it("a sum over bands is a band that holds the true sum", () => {
    fc.assert(
      fc.property(fc.array(bandWithValue, { maxLength: 8 }), (parts) => {
        const sum = addBands(parts.map((p) => p.band));
        const truth = parts.reduce((s, p) => s + p.value, 0);
        expect(sum.low).toBeLessThanOrEqual(truth);
        expect(sum.high).toBeGreaterThanOrEqual(truth);
      }),
    );
  });

  it("the rest of a total after its parts is a band that holds the true rest", () => {
    fc.assert(
      fc.property(fc.array(bandWithValue, { maxLength: 6 }), fc.nat(500), fc.nat(500), (parts, extra, width) => {
        const truthParts = parts.reduce((s, p) => s + p.value, 0);
        const total = truthParts + extra;
        const totalBand = { low: Math.max(0, total - width), high: total + width };
        const rest = remainder(totalBand, addBands(parts.map((p) => p.band)));
        expect(rest.low).toBeLessThanOrEqual(extra);
        expect(rest.high).toBeGreaterThanOrEqual(extra);
      }),
    );
  });
});
