import type { Request } from "../../contract/schemas/request.ts";
import type { LocatedRecord } from "../csv/read-records.ts";
import type { Problem } from "../validation/problem.ts";

/** The request columns the report adds up over all rows. */
const SUMMED = ["count", "accounts"] as const;

/**
 * Reports the row at which a column the report adds up (`count`, `accounts`) takes the total over all
 * requests past `Number.MAX_SAFE_INTEGER`: beyond it the sum can no longer be computed exactly, and the
 * report would publish a rounded figure as if it were counted. One problem per column, at the first such row.
 */
export function requestTotalProblems(requests: readonly LocatedRecord<Request>[]): Problem[] {
  const problems: Problem[] = [];
  for (const field of SUMMED) {
    let total = 0;
    for (const record of requests) {
      const value = record.data[field] ?? 0;
      if (total + value <= Number.MAX_SAFE_INTEGER) {
        total += value;
        continue;
      }
      const cell = record.locate(field);
      problems.push({
        file: record.file,
        line: cell.line,
        column: cell.column,
        field,
        expected: `a number that keeps the total of ${field} over all requests at most ${Number.MAX_SAFE_INTEGER.toLocaleString("en")} (the total so far is ${total.toLocaleString("en")})`,
        found: String(value),
      });
      break;
    }
  }
  return problems;
}
