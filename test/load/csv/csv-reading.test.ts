import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv } from "../../../src/load/csv/parse-csv.ts";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { testRoot } from "../../helpers/fixture-site.ts";

const spreadsheet = path.join(testRoot, "fixtures/spreadsheet");

describe("reading CSV as spreadsheets write it", () => {
  it("the fixture really has a BOM, CRLF line ends and ; delimiters", () => {
    const bytes = readFileSync(path.join(spreadsheet, "data/requests.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("\r\n");
    expect(detectDelimiter(bytes.toString("utf8"))).toBe(";");
  });

  it("reads every row of a ;-delimited, CRLF, BOM file into typed records", async () => {
    const project = await loadProject(spreadsheet);
    expect(project.problems).toEqual([]);
    expect(project.requests.map((r) => r.data.id)).toEqual(["req-2024-001", "req-2024-002", "req-2024-003"]);
    const [first, second, third] = project.requests.map((r) => r.data);
    expect(first).toMatchObject({
      id: "req-2024-001",
      received: { text: "2024-01-15", precision: "day", start: "2024-01-15", end: "2024-01-15" },
      legal_basis: "Art. 46bis, CCP",
      data_requested: ["subscriber", "metadata"],
      count: 1,
      contested: false,
      gag_order: true,
      notes: 'Line one\nline two; with "quotes", and a comma',
    });
    expect(first?.user_notified).toBeUndefined();
    expect(second).toMatchObject({
      received: { precision: "half", start: "2024-01-01", end: "2024-06-30" },
      country: "RU",
      authority: "Roskomnadzor",
      count: 3,
    });
    expect(third).toMatchObject({ outcome: "pending", data_disclosed: [], related: [] });
  });

  it("keeps the physical line of each record after a multi-line cell", async () => {
    const project = await loadProject(spreadsheet);
    expect(project.requests.map((r) => r.line)).toEqual([2, 4, 5]);
  });

  it("splits lists on ; only in list columns, and parses networks and date-times", async () => {
    const project = await loadProject(spreadsheet);
    const event = project.blockingEvents[0]?.data;
    expect(event?.hosts).toEqual(["mx1.example.org:25", "mx2.example.org:25"]);
    expect(event?.networks).toEqual([
      { asn: 12389, name: "Rostelecom" },
      { asn: 8359, name: "MTS PJSC" },
    ]);
    expect(event?.summary).toBe("Our mail servers; unreachable from Russian networks.");
    const incident = project.incidents[0]?.data;
    expect(incident?.actions).toBe("Filtered traffic; added capacity");
    expect(incident?.started).toMatchObject({ precision: "time", instant: "2024-03-04T09:15:00.000Z" });
  });
});

describe("parseCsv", () => {
  it("picks , when the header has more commas, and ignores delimiters inside quotes", () => {
    expect(detectDelimiter('id,"a;b;c",x\n')).toBe(",");
    expect(detectDelimiter('id;"a,b,c";x\n')).toBe(";");
  });

  it("skips blank rows anywhere and reports the line of each cell of a multi-line record", () => {
    const table = parseCsv('id,notes,x\n\n"a","one\ntwo",b\n\n,,\nc,d,e\n', "t.csv");
    expect(table.problems).toEqual([]);
    expect(table.rows.map((r) => r.line)).toEqual([3, 7]);
    expect(table.rows[0]?.cellLines).toEqual([3, 3, 4]);
  });

  it("reports an empty file as a missing header", () => {
    expect(parseCsv("", "t.csv").problems[0]).toMatchObject({ line: 1, field: "header", found: "an empty file" });
  });
});
