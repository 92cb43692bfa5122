import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { citationCff } from "../../../src/output/open-data/citation.ts";
import type { DatasetInfo } from "../../../src/output/open-data/dataset-info.ts";
import { DEFAULT_LICENCE, KNOWN_LICENCES } from "../../../src/contract/licence-schema.ts";
import { validateCff } from "../../helpers/cff-schema.ts";

const info: DatasetInfo = {
  title: "Velin Mail Transparency: open data",
  description: "Requests, blocks and incidents.",
  organisation: { name: "Velin Communications SRL", contact: "legal@velinmail.be" },
  siteUrl: "https://transparency.example.org/",
  dataUrl: "https://transparency.example.org/data/",
  licence: DEFAULT_LICENCE,
  release: { version: "2025.2", date: "2026-01-10" },
  built: "2026-11-28",
  coverage: { start: "2019-01-01", end: "2026-11-20" },
};

const cff = (changes: Partial<DatasetInfo>): Record<string, unknown> =>
  parse(citationCff({ ...info, ...changes })) as Record<string, unknown>;

describe("CITATION.cff of the dataset", () => {
  const cases: [string, Partial<DatasetInfo>][] = [
    ["with a release", {}],
    ["before the first release, without a contact", { release: undefined, organisation: { name: "Velin" } }],
    ...Object.keys(KNOWN_LICENCES).map((id): [string, Partial<DatasetInfo>] => [
      `under ${id}`,
      { licence: { ...DEFAULT_LICENCE, id } },
    ]),
  ];
  it.each(cases)("is valid against the official CFF 1.2.0 schema %s", (_name, changes) => {
    const valid = validateCff(cff(changes));
    expect(validateCff.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("names the organisation as the author, the release's version and date, the licence and the release folder", () => {
    expect(cff({})).toMatchObject({
      "cff-version": "1.2.0",
      type: "dataset",
      authors: [{ name: "Velin Communications SRL", email: "legal@velinmail.be" }],
      version: "2025.2",
      "date-released": "2026-01-10",
      license: "CC-BY-4.0",
      url: "https://transparency.example.org/data/",
      "repository-artifact": "https://transparency.example.org/data/releases/2025.2/",
    });
  });

  it("has no version before the first release, the day of the build, and the data package as its artifact", () => {
    const citation = cff({ release: undefined });
    expect(citation["version"]).toBeUndefined();
    expect(citation["date-released"]).toBe("2026-11-28");
    expect(citation["repository-artifact"]).toBe("https://transparency.example.org/data/datapackage.json");
  });

  it("is refused by the schema when the licence is not an SPDX id (the check can fail)", () => {
    expect(validateCff(cff({ licence: { ...DEFAULT_LICENCE, id: "CC BY 4.0" } }))).toBe(false);
  });
});
