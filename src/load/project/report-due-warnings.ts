import { readFile } from "node:fs/promises";
import path from "node:path";
import { REPORT_DUE_WARNING_DAYS, reportDue, type ReportDueSettings } from "../../model/report/report-due.ts";
import { labelInSentence } from "../../model/report/rate-text.ts";
import type { Problem } from "../validation/problem.ts";

/** The site config, where `report.nextDue` is written. */
const CONFIG_FILE = "src/site.config.ts";

/** Line and column of the `nextDue` key in the config's text; its first line when the key is not written as such. */
export function nextDueLocation(source: string): { line: number; column: number } {
  const lines = source.split("\n");
  for (const [index, text] of lines.entries()) {
    const column = text.search(/\bnextDue\s*:/);
    if (column >= 0) return { line: index + 1, column: column + 1 };
  }
  return { line: 1, column: 1 };
}

/**
 * Warnings about the next report (see `reportDue`): one when it is due in fewer than 14 days, one once
 * it is overdue; none without `report.nextDue`. Located at the key in `src/site.config.ts` under `root`.
 * An overdue report never stops a build: the site says so instead.
 */
export async function reportDueWarnings(root: string, settings: ReportDueSettings, now: Date): Promise<Problem[]> {
  const due = reportDue(settings, now);
  if (!due || due.state === "ahead") return [];
  const source = await readFile(path.join(root, CONFIG_FILE), "utf8").catch(() => "");
  const report = `the report for ${labelInSentence(due.period.label)}`;
  const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
  const expected =
    due.state === "overdue"
      ? `a date not before today (${due.today}): ${report} is ${days(-due.daysLeft)} overdue, and the site says so; publish it, then set report.nextDue to the next report's due date`
      : `a date more than ${days(REPORT_DUE_WARNING_DAYS)} ahead: ${report} is due ${due.daysLeft === 0 ? "today" : `in ${days(due.daysLeft)}`}; publish it, then set report.nextDue to the next report's due date`;
  return [{ file: CONFIG_FILE, ...nextDueLocation(source), field: "report.nextDue", expected, found: due.due }];
}
