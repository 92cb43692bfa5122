import { exact, type Band } from "../../contract/fields/band.ts";
import { PERIOD_MONTHS } from "../../contract/fields/published-period.ts";
import { periodPath } from "../paths.ts";
import { defaultWords, type PeriodShape } from "./period-words.ts";
import { byPeriodEnd, type PeriodLength } from "./periods.ts";
import type { PublishedPeriodReport } from "./published-report.ts";
import type { PeriodReport } from "./transparency-report.ts";

/**
 * How a period compares with the site's reporting period: the same length, shorter (`partial`: a
 * half-year in a yearly report), longer (a yearly report in a half-yearly site), or the ledger's
 * bucket of requests dated only to the year (`withheld`, never drawn as a period on a time chart).
 */
export type RowLength = "site" | "partial" | "longer" | "withheld";

/** One period of the report overview: the ledger's, a published report's, or both. */
export interface ReportPeriodRow {
  key: string;
  /** "First half of 2017", "2014", "First half of 2025 (January–June only)". */
  label: string;
  /** For chart axes; a partial period says so: "2025 H1 (part)". */
  shortLabel: string;
  year: number;
  /** What its words are made of (see `periodPhrase`): its kind, year and days. */
  shape: PeriodShape & { end: string };
  /** Its page, when it has one (requests in the ledger, or published figures). */
  path: string | undefined;
  length: RowLength;
  /** The ledger's figures; undefined when the ledger's span does not include it. */
  ledger: PeriodReport | undefined;
  /** What reports published for it exactly. */
  published: PublishedPeriodReport | undefined;
  /**
   * Requests received: the ledger's count where the ledger has it (both agree where both cover it:
   * validation reconciles them), else the organisation's published total; undefined when neither gives one.
   */
  requests: Band | undefined;
  /** Where the row's numbers come from. */
  covers: "ledger" | "published" | "both";
  /** Report addresses the published figures cite, in order of first use. */
  sources: string[];
}

const MONTHS: Record<PeriodLength, number> = { half: 6, year: 12 };

/**
 * The periods of the report overview, chronological (by last day, the shorter first; a year's
 * withheld bucket after its halves): every period of the ledger's span and every published period,
 * one row per key, labelled in `words`' language. Nothing is summed across sources: a row's total is the ledger's or the report's.
 */
export function reportPeriodRows(
  ledger: readonly PeriodReport[],
  published: readonly PublishedPeriodReport[],
  periodLength: PeriodLength,
  words = defaultWords(),
): ReportPeriodRow[] {
  const rows = new Map<string, ReportPeriodRow & { start: string; end: string }>();
  for (const entry of ledger) {
    const { key, label, shortLabel, year, kind, start, end } = entry.period;
    rows.set(key, {
      key,
      label,
      shortLabel,
      year,
      shape: { kind, year, start, end },
      start,
      end,
      path: entry.figures.records > 0 ? periodPath(key) : undefined,
      length: kind === "withheld" ? "withheld" : "site",
      ledger: entry,
      published: undefined,
      requests: exact(entry.figures.requests),
      covers: "ledger",
      sources: [],
    });
  }
  for (const p of published) {
    const { key, start, end, year, kind } = p.period;
    const own = rows.get(key);
    const months = PERIOD_MONTHS[kind];
    const sources = [
      ...new Set([...(p.organisation ? [p.organisation] : []), ...p.services].flatMap((s) => s.sources)),
    ];
    rows.set(key, {
      key,
      label: own?.label ?? p.label,
      shortLabel: p.partial ? words.t("report.period.shortPartial", { period: p.shortLabel }) : p.shortLabel,
      year,
      shape: { kind, year, start, end },
      start,
      end,
      path: periodPath(key),
      length: p.partial ? "partial" : months > MONTHS[periodLength] ? "longer" : "site",
      ledger: own?.ledger,
      published: p,
      requests: own?.ledger?.figures.records ? own.requests : p.totalRequests?.value,
      covers: own?.ledger?.figures.records ? "both" : "published",
      sources,
    });
  }
  return [...rows.values()].sort(byPeriodEnd).map(({ start: _start, end: _end, ...row }) => row);
}

/**
 * One service's published totals as rows, per period it is reported apart in (chronological): for a
 * chart of that service alone. Empty when no report gives the service apart.
 */
export function serviceRows(
  published: readonly PublishedPeriodReport[],
  service: string,
  periodLength: PeriodLength,
  words = defaultWords(),
): ReportPeriodRow[] {
  return published.flatMap((p): ReportPeriodRow[] => {
    const own = p.services.find((s) => s.service === service);
    if (!own) return [];
    return [
      {
        key: p.period.key,
        label: p.label,
        shortLabel: p.partial ? words.t("report.period.shortPartial", { period: p.shortLabel }) : p.shortLabel,
        year: p.period.year,
        shape: { kind: p.period.kind, year: p.period.year, start: p.period.start, end: p.period.end },
        path: periodPath(p.period.key),
        length: p.partial ? "partial" : PERIOD_MONTHS[p.period.kind] > MONTHS[periodLength] ? "longer" : "site",
        ledger: undefined,
        published: p,
        requests: own.requests?.total.value,
        covers: "published",
        sources: own.sources,
      },
    ];
  });
}
