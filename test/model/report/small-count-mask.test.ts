import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RequestSchema, type Request } from "../../../src/contract/schemas/request.ts";
import { OTHER_COUNTRIES } from "../../../src/format/labels.ts";
import { periodOf, type PeriodLength } from "../../../src/model/report/periods.ts";
import { computeRequestFigures } from "../../../src/model/report/request-figures.ts";
import { maskSmallCounts, namedCountryCount, WITHHELD_FIELDS } from "../../../src/model/report/small-count-mask.ts";

/** A request row as an editor writes it (CSV cells), parsed by the contract's own schema. */
function request(id: string, received: string, country: string, count = 1, more: Record<string, string> = {}): Request {
  return RequestSchema.parse({
    id,
    received,
    country,
    authority: "",
    authority_type: "",
    route: "",
    legal_process: "",
    legal_basis: "",
    data_requested: "subscriber",
    accounts: "",
    count: String(count),
    outcome: "pending",
    data_disclosed: "",
    rejection_reason: "",
    contested: "",
    gag_order: "",
    user_notified: "",
    responded: "",
    related: "",
    notes: "",
    ...more,
  });
}

const groupSizes = (requests: readonly Request[], period: PeriodLength): Map<string, number> => {
  const sizes = new Map<string, number>();
  for (const r of requests) {
    const key = `${periodOf(r.received, period).key} ${r.country}`;
    sizes.set(key, (sizes.get(key) ?? 0) + r.count);
  }
  return sizes;
};

describe("small-count masking", () => {
  const ledger = [
    request("pl-1", "2024-09-02", "PL", 1, {
      authority: "Prokuratura Okręgowa w Warszawie",
      legal_basis: "Art. 218 Kodeks postępowania karnego",
      route: "direct_foreign",
      notes: "Asked for the subscriber of one address.",
      related: "blk-pl",
    }),
    request("be-1", "2024-09-03", "BE", 2, { authority: "Federal Computer Crime Unit", route: "domestic" }),
    request("be-2", "2024-10-01", "BE", 1, { authority: "Parket Gent", route: "domestic" }),
    request("be-3", "2024-03-01", "BE", 1, { authority: "Parket Gent", route: "domestic" }),
    request("de-1", "2024-H2", "DE", 3),
    request("de-2", "2024", "DE", 1),
  ];

  it("publishes a country's rows as Other countries where it sent fewer than the threshold in a period", () => {
    const { requests, masked } = maskSmallCounts(ledger, { threshold: 3, period: "half" });
    // PL: 1 in 2024-h2; BE: 3 in 2024-h2 but 1 in 2024-h1; DE: 3 in 2024-h2, 1 dated only to 2024 (withheld bucket).
    expect([...masked].sort()).toEqual(["be-3", "de-2", "pl-1"]);
    expect(requests.map((r) => [r.id, r.country])).toEqual([
      ["pl-1", OTHER_COUNTRIES],
      ["be-1", "BE"],
      ["be-2", "BE"],
      ["be-3", OTHER_COUNTRIES],
      ["de-1", "DE"],
      ["de-2", OTHER_COUNTRIES],
    ]);
  });

  it("leaves out every field of a masked row that could name its country, and nothing of the others", () => {
    const { requests } = maskSmallCounts(ledger, { threshold: 3, period: "half" });
    const pl = requests[0]!;
    for (const field of WITHHELD_FIELDS.filter((f) => f !== "country" && f !== "related"))
      expect(pl[field]).toBeUndefined();
    expect(pl.related).toEqual([]);
    expect(pl).toMatchObject({ id: "pl-1", count: 1, outcome: "pending", data_requested: ["subscriber"] });
    expect(requests[1]).toBe(ledger[1]);
  });

  it("counts a masked row's route as withheld, not as not recorded: 'domestic' would name the country", () => {
    const { requests } = maskSmallCounts(ledger, { threshold: 3, period: "half" });
    expect(computeRequestFigures(requests).route).toEqual({
      domestic: 3, // be-1 ×2, be-2
      mlat: 0,
      direct_foreign: 0,
      unknown: 3, // de-1 gives none
      withheld: 3, // pl-1, be-3, de-2
    });
  });

  it("counts by the site's reporting period: yearly reports add up a country's halves", () => {
    const { masked } = maskSmallCounts(ledger, { threshold: 3, period: "year" });
    expect([...masked]).toEqual(["pl-1"]);
  });

  it("masks nothing without a threshold", () => {
    const { requests, masked } = maskSmallCounts(ledger, { threshold: undefined, period: "half" });
    expect(masked.size).toBe(0);
    expect(requests).toEqual(ledger);
  });

  it("says 'at least' or 'none published' for one named country under masking, whatever its masked rows", () => {
    expect(namedCountryCount(12, 3, "en")).toBe("at least 12");
    expect(namedCountryCount(0, 3, "en")).toBe("none published");
    expect(namedCountryCount(0, undefined, "en")).toBe("0");
  });

  const COUNTRIES = ["BE", "DE", "PL", "RU", "US"];
  const DATES = ["2023-02-01", "2023-08-15", "2023-H1", "2023-H2", "2023", "2024-05", "2024-11-30", "2024"];
  const arbitraryLedger = fc
    .array(
      fc.record({
        received: fc.constantFrom(...DATES),
        country: fc.constantFrom(...COUNTRIES),
        count: fc.integer({ min: 1, max: 4 }),
      }),
      { maxLength: 40 },
    )
    .map((rows) => rows.map((row, i) => request(`r-${i}`, row.received, row.country, row.count)));

  it("for any ledger: no named (period, country) group shown is below the threshold, and every total is kept", () => {
    fc.assert(
      fc.property(
        arbitraryLedger,
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<PeriodLength>("half", "year"),
        (input, threshold, period) => {
          const { requests, masked } = maskSmallCounts(input, { threshold, period });
          for (const [key, n] of groupSizes(requests, period))
            if (!key.endsWith(OTHER_COUNTRIES)) expect(n, key).toBeGreaterThanOrEqual(threshold);
          const total = (rows: readonly Request[]) => rows.reduce((sum, r) => sum + r.count, 0);
          expect(total(requests)).toBe(total(input));
          const byPeriod = (rows: readonly Request[]) =>
            [
              ...groupSizes(
                rows.map((r) => ({ ...r, country: "" })),
                period,
              ),
            ].sort();
          expect(byPeriod(requests)).toEqual(byPeriod(input));
          // Only rows of small groups are masked: a group at or above the threshold is published whole.
          const before = groupSizes(input, period);
          for (const r of input)
            expect(masked.has(r.id)).toBe(
              (before.get(`${periodOf(r.received, period).key} ${r.country}`) ?? 0) < threshold,
            );
        },
      ),
    );
  });
});
