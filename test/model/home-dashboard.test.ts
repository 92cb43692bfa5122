import { describe, expect, it } from "vitest";
import { blocksByCountry } from "../../src/model/home-dashboard.ts";
import type { BlockingEventView } from "../../src/model/record-views.ts";

const event = (id: string, countryName: string): BlockingEventView =>
  ({ id, countryName, countryPath: `/countries/${countryName.toLowerCase()}/` }) as BlockingEventView;

describe("blocks in force by country", () => {
  it("groups blocks by country in the order of each country's first (newest) block, keeping their order", () => {
    const groups = blocksByCountry([
      event("ir", "Iran"),
      event("ru-2", "Russia"),
      event("cn", "China"),
      event("ru-1", "Russia"),
    ]);
    expect(groups.map((g) => [g.countryName, g.events.map((e) => e.id)])).toEqual([
      ["Iran", ["ir"]],
      ["Russia", ["ru-2", "ru-1"]],
      ["China", ["cn"]],
    ]);
    expect(blocksByCountry([])).toEqual([]);
  });
});
