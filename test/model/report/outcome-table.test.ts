import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/load/csv/parse-csv.ts";
import { readRecords } from "../../../src/load/csv/read-records.ts";
import { requestSpec, type Request } from "../../../src/contract/schemas/request.ts";
import { outcomeTable } from "../../../src/model/report/outcome-table.ts";
import { OTHER_COUNTRIES } from "../../../src/format/labels.ts";
import { maskSmallCounts } from "../../../src/model/report/small-count-mask.ts";

/** Requests from a CSV as a spreadsheet writes it (CRLF, quoted cells, blanks), read the way the site reads it. */
function read(lines: string[]): Request[] {
  const csv = [
    "id,received,country,authority_type,legal_process,data_requested,count,outcome,data_disclosed,rejection_reason",
    ...lines,
  ].join("\r\n");
  const result = readRecords(parseCsv(csv, "data/requests.csv"), requestSpec);
  expect(result.problems).toEqual([]);
  return result.records.map((r) => r.data);
}

// Worked out by hand: Russia 5 requests (3 disclosed in one row, 1 rejected, 1 pending);
// Belgium 4 (2 partially disclosed, 2 no data); Germany 2 withdrawn; "Other countries" 6 rejected.
// The six single requests are published as "Other countries" (small-count protection, threshold 2).
const requests = maskSmallCounts(
  read([
    "r1,2024-01-10,RU,regulator,informal,subscriber,3,disclosed,subscriber,",
    "r2,2024-02-01,RU,regulator,,subscriber,,rejected,,overbroad",
    "r3,2024-03-01,RU,court,court_order,subscriber,1,pending,,",
    'r4,2024-03-02,BE,police,"court_order",subscriber;metadata,2,partially_disclosed,subscriber,',
    "r5,2024-03-03,BE,police,subpoena,metadata,2,no_data,,",
    "r6,2024-03-04,DE,,subpoena,metadata,2,withdrawn,,",
    ...["CH", "NL", "SE", "FR", "IT", "ES"].map(
      (code, i) => `r${7 + i},2024-03-05,${code},police,,subscriber,,rejected,,no_legal_basis`,
    ),
  ]),
  { threshold: 2, period: "half" },
).requests;

describe("outcomeTable", () => {
  const byCountry = outcomeTable(requests, (r) => r.country, { last: [OTHER_COUNTRIES] });

  it("counts each country's requests per outcome, rows weighted by count", () => {
    const cells = byCountry.rows.map((row) => [row.key, row.figures.requests, row.figures.outcome]);
    expect(cells).toEqual([
      ["RU", 5, { disclosed: 3, partially_disclosed: 0, no_data: 0, rejected: 1, pending: 1, withdrawn: 0 }],
      ["BE", 4, { disclosed: 0, partially_disclosed: 2, no_data: 2, rejected: 0, pending: 0, withdrawn: 0 }],
      ["DE", 2, { disclosed: 0, partially_disclosed: 0, no_data: 0, rejected: 0, pending: 0, withdrawn: 2 }],
      [OTHER_COUNTRIES, 6, { disclosed: 0, partially_disclosed: 0, no_data: 0, rejected: 6, pending: 0, withdrawn: 0 }],
    ]);
  });

  it("gives the disclosure rate over decided requests only: Russia 3 of 4, Belgium 2 of 4, Germany 0 of 2", () => {
    expect(byCountry.rows.map((row) => [row.key, row.figures.disclosing, row.figures.decided])).toEqual([
      ["RU", 3, 4],
      ["BE", 2, 4],
      ["DE", 0, 2],
      [OTHER_COUNTRIES, 0, 6],
    ]);
    expect(byCountry.rows.map((row) => row.figures.disclosureRate)).toEqual([0.75, 0.5, 0, 0]);
    expect(byCountry.total.requests).toBe(17);
    expect(byCountry.total.disclosureRate).toBe(5 / 16);
  });

  it("says a rate over fewer decided requests than the threshold is too few, never 0 %", () => {
    const table = outcomeTable(requests, (r) => r.country, { threshold: 3 });
    const germany = table.rows.find((row) => row.key === "DE")?.figures;
    expect(germany?.disclosureRate).toBeUndefined();
    expect(germany?.tooFewToRate).toBe(true);
  });

  it("has a column only for outcomes some request has, in the contract's order", () => {
    expect(byCountry.outcomes).toEqual([
      "disclosed",
      "partially_disclosed",
      "no_data",
      "rejected",
      "pending",
      "withdrawn",
    ]);
    const decided = outcomeTable(
      requests.filter((r) => r.outcome !== "pending" && r.outcome !== "withdrawn"),
      (r) => r.country,
    );
    expect(decided.outcomes).toEqual(["disclosed", "partially_disclosed", "no_data", "rejected"]);
  });

  it("puts blank cells under `unknown`, listed last with the other keys of `last`, whatever their size", () => {
    const byProcess = outcomeTable(requests, (r) => r.legal_process ?? "unknown", { last: ["unknown"] });
    expect(byProcess.rows.map((row) => [row.key, row.figures.requests])).toEqual([
      ["subpoena", 4],
      ["court_order", 3],
      ["informal", 3],
      ["unknown", 7],
    ]);
    // Without `last`, the largest group comes first.
    expect(outcomeTable(requests, (r) => r.legal_process ?? "unknown").rows[0]?.key).toBe("unknown");
  });

  it("is empty, with no column, for no request", () => {
    expect(outcomeTable([], (r) => r.country)).toMatchObject({ outcomes: [], rows: [], total: { requests: 0 } });
  });
});
