import type { PartialDate } from "../../contract/fields/partial-date.ts";
import { periodOf, periodOrder, periodSequence, type Period, type PeriodLength } from "../../model/report/periods.ts";
import type { RequestFigures } from "../../model/report/request-figures.ts";
import type { TransparencyReport } from "../../model/report/transparency-report.ts";
import type { BlockingEvent } from "../../contract/schemas/blocking-event.ts";
import type { Incident } from "../../contract/schemas/incident.ts";
import { BLOCKING_STATUSES, INCIDENT_CATEGORIES, OUTCOMES, SEVERITIES } from "../../contract/schemas/vocabulary.ts";
import type { CsvTableData } from "./csv-table.ts";

/** Key of the last row of every by-period table: the figures over all periods. */
export const ALL_PERIODS = "all";
const ALL_LABEL = "All periods";

const PERIOD_COLUMNS = ["period", "label", "start", "end"] as const;

/** The leading cells of a period's row. */
const periodCells = (period: Period): string[] => [period.key, period.label, period.start, period.end];

/** The leading cells of the `all` row: from the first period's start to the last period's end (blank when there is none). */
function allCells(periods: readonly Period[]): string[] {
  const starts = periods.map((p) => p.start).sort();
  const ends = periods.map((p) => p.end).sort();
  return [ALL_PERIODS, ALL_LABEL, starts[0] ?? "", ends.at(-1) ?? ""];
}

/** Items grouped by the reporting period of a date, every period from the first to the last included (empty ones too). */
export function groupByPeriod<T>(
  items: readonly T[],
  dateOf: (item: T) => PartialDate,
  length: PeriodLength,
): { period: Period; items: T[] }[] {
  const groups = new Map<string, { period: Period; items: T[] }>();
  for (const item of items) {
    const period = periodOf(dateOf(item), length);
    const group = groups.get(period.key) ?? { period, items: [] };
    group.items.push(item);
    groups.set(period.key, group);
  }
  return periodSequence(
    [...groups.values()].map((g) => g.period),
    length,
  )
    .sort((a, b) => periodOrder(a) - periodOrder(b))
    .map((period) => groups.get(period.key) ?? { period, items: [] });
}

/** Counts of each word among `values`, in the vocabulary's order. */
function tally(words: readonly string[], values: readonly string[]): string[] {
  return words.map((word) => String(values.filter((value) => value === word).length));
}

const blankIfUndefined = (value: number | undefined, format: (n: number) => string = String): string =>
  value === undefined ? "" : format(value);

function requestFigureCells(f: RequestFigures): string[] {
  return [
    String(f.requests),
    String(f.records),
    blankIfUndefined(f.accounts?.known),
    String(f.accounts?.requestsWith ?? 0),
    ...OUTCOMES.map((outcome) => String(f.outcome[outcome])),
    String(f.decided),
    String(f.disclosing),
    blankIfUndefined(f.disclosureRate, (rate) => rate.toFixed(4)),
    blankIfUndefined(f.medianDaysToRespond),
  ];
}

/**
 * Requests per reporting period, from the transparency report, plus an `all` row with the all-time figures.
 * Requests are weighted by `count`; `records` counts CSV rows. `accounts` sums the rows that give the
 * number and `requests_with_accounts` says how many requests those are; `accounts` is blank (never 0) when
 * no request of the period gives it. `disclosure_rate` is disclosing / decided
 * with 4 decimals, blank when nothing was decided; `median_days_to_respond` is blank when no request of the
 * period has exact received and responded days.
 */
export function requestsByPeriod(report: TransparencyReport): CsvTableData {
  const columns = [
    ...PERIOD_COLUMNS,
    "requests",
    "records",
    "accounts",
    "requests_with_accounts",
    ...OUTCOMES.map((outcome) => `outcome_${outcome}`),
    "decided",
    "disclosing",
    "disclosure_rate",
    "median_days_to_respond",
  ];
  const rows = report.periods.map(({ period, figures }) => [...periodCells(period), ...requestFigureCells(figures)]);
  rows.push([...allCells(report.periods.map((p) => p.period)), ...requestFigureCells(report.allTime)]);
  return { columns, rows };
}

function blockingCells(events: readonly BlockingEvent[]): string[] {
  return [
    String(events.length),
    ...tally(
      BLOCKING_STATUSES,
      events.map((e) => e.status),
    ),
    String(new Set(events.map((e) => e.country)).size),
  ];
}

/**
 * Blocking events per reporting period of `started` (a date coarser than the period goes to its year's
 * withheld bucket), plus an `all` row: events started, events per current status, distinct countries.
 */
export function blockingEventsByPeriod(events: readonly BlockingEvent[], length: PeriodLength): CsvTableData {
  const columns = [...PERIOD_COLUMNS, "started", ...BLOCKING_STATUSES.map((status) => `status_${status}`), "countries"];
  const groups = groupByPeriod(events, (e) => e.started, length);
  const rows = groups.map(({ period, items }) => [...periodCells(period), ...blockingCells(items)]);
  rows.push([...allCells(groups.map((g) => g.period)), ...blockingCells(events)]);
  return { columns, rows };
}

function incidentCells(incidents: readonly Incident[]): string[] {
  return [
    String(incidents.length),
    ...tally(
      INCIDENT_CATEGORIES,
      incidents.map((i) => i.category),
    ),
    ...tally(
      SEVERITIES,
      incidents.map((i) => i.severity),
    ),
    String(incidents.filter((i) => i.resolved === undefined).length),
    String(incidents.reduce((sum, i) => sum + (i.accounts_affected ?? 0), 0)),
  ];
}

/**
 * Incidents per reporting period of `started`, plus an `all` row: incidents, per category, per severity,
 * still open (no `resolved`), and accounts affected summed over the incidents that give the number.
 */
export function incidentsByPeriod(incidents: readonly Incident[], length: PeriodLength): CsvTableData {
  const columns = [
    ...PERIOD_COLUMNS,
    "incidents",
    ...INCIDENT_CATEGORIES.map((category) => `category_${category}`),
    ...SEVERITIES.map((severity) => `severity_${severity}`),
    "open",
    "accounts_affected",
  ];
  const groups = groupByPeriod(incidents, (i) => i.started, length);
  const rows = groups.map(({ period, items }) => [...periodCells(period), ...incidentCells(items)]);
  rows.push([...allCells(groups.map((g) => g.period)), ...incidentCells(incidents)]);
  return { columns, rows };
}
