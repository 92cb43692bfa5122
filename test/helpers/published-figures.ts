import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import { figureSpec, toFigure, type Figure } from "../../src/contract/schemas/figure.ts";
import { parseCsv } from "../../src/load/csv/parse-csv.ts";
import { readRecords } from "../../src/load/csv/read-records.ts";
import {
  buildPublishedReport,
  type PublishedReport,
  type PublishedReportContext,
} from "../../src/model/report/published-report.ts";

/** The figures of a data/figures.csv text (with its header line), read by the real parser and schemas; fails on any problem. */
export function readFigures(csv: string): Figure[] {
  const read = readRecords(parseCsv(csv, "data/figures.csv"), figureSpec);
  expect(read.problems).toEqual([]);
  return read.records.map((r) => toFigure(r.data, r.line));
}

/** What the published report of a test depends on: an organisation with services `email` and `vpn`, threshold 3. */
export const exampleContext = (over: Partial<PublishedReportContext> = {}): PublishedReportContext => ({
  periodLength: "half",
  threshold: 3,
  locale: "en",
  organisationName: "Example",
  services: [
    { id: "email", name: "Example Mail" },
    { id: "vpn", name: "Example VPN" },
  ],
  ...over,
});

/** The published report of a figures CSV text. */
export const publishedReportOf = (csv: string, over: Partial<PublishedReportContext> = {}): PublishedReport =>
  buildPublishedReport(readFigures(csv), exampleContext(over));

/** A row of a figures.csv file as the editor typed it, every cell as text. */
export interface FigureCsvRow {
  period: string;
  service: string;
  measure: string;
  dimension: string;
  category: string;
  value: string;
  source: string;
  note: string;
}

/** The rows of a figures.csv file, read by csv-parse alone (independently of the site's reader). */
export const figureCsvRows = (file: string): FigureCsvRow[] =>
  parse<FigureCsvRow>(readFileSync(file, "utf8"), { bom: true, columns: true });
