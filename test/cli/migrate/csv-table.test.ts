import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsvTable, writeCsvTable } from "../../../src/cli/migrate/csv-table.ts";
import { testRoot } from "../../helpers/fixture-site.ts";

const fixtures = readdirSync(path.join(testRoot, "fixtures"), { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".csv"))
  .sort();

describe("readCsvTable and writeCsvTable", () => {
  it.each(fixtures)("write back fixtures/%s byte for byte, or refuse it with a problem", (file) => {
    const bytes = readFileSync(path.join(testRoot, "fixtures", file));
    const read = readCsvTable(bytes, file);
    if ("problems" in read) {
      expect(read.problems.length).toBeGreaterThan(0);
      return;
    }
    const table = read.table;
    for (const record of table.records) record.changed = true;
    expect(Buffer.compare(writeCsvTable(table), bytes)).toBe(0);
  });

  it("reads every real spreadsheet export among them (BOM, CRLF, quoted line breaks)", () => {
    const refused = fixtures.filter(
      (file) => "problems" in readCsvTable(readFileSync(path.join(testRoot, "fixtures", file)), file),
    );
    expect(refused.every((file) => file.startsWith("utf16/") || file.startsWith("errors/"))).toBe(true);
    expect(fixtures.filter((file) => file.startsWith("spreadsheet/")).length).toBeGreaterThan(0);
  });
});
