import { beforeAll, describe, expect, it } from "vitest";
import { parsePartialDate, type PartialDate } from "../../src/contract/fields/partial-date.ts";
import type { Correction } from "../../src/contract/schemas/correction.ts";
import { loadProject, type Project } from "../../src/load/project/load-project.ts";
import { buildSite, siteModelInput } from "../../src/model/project-model.ts";
import type { SiteModel } from "../../src/model/site-model.ts";
import { correctionsCsv } from "../../src/output/open-data/correction-downloads.ts";
import site from "../../src/site.config.ts";
import { FIXED_NOW, repoRoot } from "../helpers/fixture-site.ts";
import { maskedRequestIds } from "../helpers/masked-requests.ts";
import { shippedTranslator } from "../helpers/shipped-translator.ts";
import { sampleLoadOptions } from "../helpers/release-fixture.ts";

const day = (text: string): PartialDate => {
  const parsed = parsePartialDate(text);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
};

const correction = (record: string, field: string | undefined, from?: string, to?: string): Correction => ({
  date: day("2026-03-12"),
  record,
  ...(field === undefined ? {} : { field }),
  ...(from === undefined ? {} : { old_value: from }),
  ...(to === undefined ? {} : { new_value: to }),
  reason: "A reason.",
});

describe("the releases model of the sample", () => {
  let project: Project;
  let masked: string;
  let model: SiteModel;

  let russian: SiteModel;

  beforeAll(async () => {
    project = await loadProject(repoRoot, sampleLoadOptions());
    masked = [...maskedRequestIds(project)][0] ?? "";
    const input = (language: string) => ({
      ...siteModelInput(project, { ...site, language }, FIXED_NOW),
      releases: [
        { version: "2025.1", date: "2025-07-01", keys: ["req-2017-001"] },
        { version: "2025.2", date: "2026-01-15", keys: ["req-2017-001", "req-2017-002"] },
      ],
      corrections: [
        { ...correction("req-2017-002", "accounts", "1", "2"), date: day("2026-02-01") },
        correction("2014/requests/country/be", "value", "7", "6"),
        correction(masked, "authority", "Polizei Berlin", "LKA Berlin"),
        correction("inc-2021-ddos", undefined),
      ],
    });
    model = buildSite(input(site.language)).model;
    russian = buildSite({ ...input("ru"), translator: shippedTranslator("ru") }).model;
  });

  it("dates a record by the first release that held it, and one in no release by the build", () => {
    expect(model.releases.firstReleased("req-2017-001")).toEqual(new Date("2025-07-01T00:00:00Z"));
    expect(model.releases.firstReleased("req-2017-002")).toEqual(new Date("2026-01-15T00:00:00Z"));
    expect(model.releases.firstReleased("blk-ru-2019-smtp")).toEqual(FIXED_NOW);
    expect(model.releases.latest).toEqual({ version: "2025.2", date: "2026-01-15" });
  });

  it("lists corrections newest first and by what they concern: a record, or a figure's period", () => {
    expect(model.releases.corrections.map((c) => c.record)).toEqual([
      "2014/requests/country/BE",
      masked,
      "inc-2021-ddos",
      "req-2017-002",
    ]);
    expect(model.releases.correctionsOf("req-2017-002").map((c) => c.sentence)).toEqual([
      "Corrected on 1 February 2026: accounts was “1”, now “2”.",
    ]);
    const [figure] = model.releases.correctionsOf("period:2014");
    expect(figure?.path).toBe("transparency/2014/");
    expect(figure?.sentence).toBe("Corrected on 12 March 2026: value of requests by country BE was “7”, now “6”.");
  });

  it("says each correction in the page's language, with its dates and quotation marks", () => {
    expect(russian.releases.correctionsOf("req-2017-002").map((c) => c.sentence)).toEqual([
      "Исправлено 1 февраля 2026 г.: поле accounts было «1», стало «2».",
    ]);
    expect(russian.releases.correctionsOf("period:2014")[0]?.sentence).toBe(
      "Исправлено 12 марта 2026 г.: поле value показателя «requests by country BE» было «7», стало «6».",
    );
    expect(russian.releases.correctionsOf("inc-2021-ddos").map((c) => c.sentence)).toEqual([
      "12 марта 2026 г. запись отозвана.",
    ]);
    expect(model.releases.correctionsOf("inc-2021-ddos").map((c) => c.sentence)).toEqual([
      "Withdrawn on 12 March 2026.",
    ]);
    const [hidden] = russian.releases.correctionsOf(masked);
    expect(hidden?.sentence).toContain("«Другие страны»");
    expect(hidden?.sentence).not.toContain("Berlin");
  });

  it("never shows the values of a withheld field of a row published as Other countries", () => {
    expect(masked).not.toBe("");
    const [hidden] = model.releases.correctionsOf(masked);
    expect(hidden?.sentence).not.toContain("Berlin");
    expect(correctionsCsv(model.releases.corrections)).not.toContain("Berlin");
    expect(correctionsCsv(model.releases.corrections)).toContain("2026-03-12,2014/requests/country/BE,value,7,6,");
  });
});
