import type { SiteConfig } from "../../contract/site-config-schema.ts";
import { reportDueWarnings } from "../../load/project/report-due-warnings.ts";
import { formatProblem } from "../../load/validation/problem.ts";
import { reportDue, reportDueSettings } from "../../model/report/report-due.ts";
import { labelInSentence } from "../../model/report/rate-text.ts";
import type { CheckLine } from "./check-line.ts";

const topic = "Report";

/**
 * Lines about the next report (`report.nextDue`), as validate and the build see it at `now`: when it is due,
 * or the same warning they print from 14 days before and once it is overdue. Without a due date, one ok line
 * saying the site is silent about it.
 */
export async function reportCheck(root: string, config: SiteConfig | undefined, now: Date): Promise<CheckLine[]> {
  if (!config)
    return [{ mark: "warning", topic, text: "not checked: the site config did not load", fix: "see the Config line" }];
  if (!config.publishes.requests) return [{ mark: "ok", topic, text: "requests not published: no report is due" }];
  const due = reportDue(reportDueSettings(config), now);
  if (!due)
    return [
      {
        mark: "ok",
        topic,
        text: "no report.nextDue in src/site.config.ts: the site says nothing about when the next report is due (set it to have a warning before that day and an overdue notice after)",
      },
    ];
  if (due.state === "ahead")
    return [
      {
        mark: "ok",
        topic,
        text: `the report for ${labelInSentence(due.period.label)} is due on ${due.due}, in ${due.daysLeft} days`,
      },
    ];
  return (await reportDueWarnings(root, reportDueSettings(config), now)).map((warning) => ({
    mark: "warning",
    topic,
    text: formatProblem(warning),
    fix: "publish the report, then set report.nextDue in src/site.config.ts to the day the next one is due",
  }));
}
