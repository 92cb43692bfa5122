import { describe, expect, it } from "vitest";
import { publishedCountryCodes, publishedCountryFigures } from "../../../src/model/report/published-countries.ts";
import { publishedReportOf, readFigures } from "../../helpers/published-figures.ts";

// Yearly reports as printed: a named country, unnamed and foreign groups, and a year with two services apart.
const FIGURES = [
  "period,service,measure,dimension,category,value,source,note",
  "2014,,requests,total,,9,https://example.org/2014,",
  "2014,,requests,country,BE,7,https://example.org/2014,",
  '2014,,requests,country,foreign,2,https://example.org/2014,"EU countries, not named"',
  "2015,,requests,total,,14,https://example.org/2015,",
  "2015,,requests,country,be,10,https://example.org/2015,",
  "2015,,requests,country,unnamed,4,https://example.org/2015,",
  "2016,email,requests,total,,18,https://example.org/2016,",
  "2016,email,requests,country,BE,15,https://example.org/2016,",
  "2016,email,requests,country,NL,0-2,https://example.org/2016,Published as a band",
  "2016,vpn,requests,total,,3,https://example.org/2016,",
  "2016,vpn,requests,country,BE,3,https://example.org/2016,",
].join("\r\n");

const report = publishedReportOf(FIGURES);

describe("published country figures", () => {
  it("reads the sample CSV without a problem", () => {
    expect(readFigures(FIGURES).length).toBe(FIGURES.split("\r\n").length - 1);
  });

  it("names only ISO codes as countries, never 'foreign' or 'unnamed'", () => {
    expect(publishedCountryCodes(report.periods)).toEqual(["BE", "NL"]);
  });

  it("gives each period's figure for a country exactly as printed, services apart and never summed", () => {
    const be = publishedCountryFigures(report.periods, "BE");
    expect(be.map((f) => [f.periodLabel, f.service, f.value, f.line])).toEqual([
      ["2014", undefined, { low: 7, high: 7 }, 3],
      ["2015", undefined, { low: 10, high: 10 }, 6],
      ["2016", "Example Mail", { low: 15, high: 15 }, 9],
      ["2016", "Example VPN", { low: 3, high: 3 }, 12],
    ]);
    expect(publishedCountryFigures(report.periods, "NL").map((f) => [f.value, f.note])).toEqual([
      [{ low: 0, high: 2 }, "Published as a band"],
    ]);
    expect(publishedCountryFigures(report.periods, "DE")).toEqual([]);
  });
});
