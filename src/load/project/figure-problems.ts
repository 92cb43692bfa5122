import { addBands, bandsOverlap, bandText, type Band } from "../../contract/fields/band.ts";
import { OVERLAPPING_DIMENSIONS, type Figure } from "../../contract/schemas/figure.ts";
import type { Request } from "../../contract/schemas/request.ts";
import { ledgerScope, ledgerValue } from "../../model/report/ledger-figure.ts";
import { columnName } from "../csv/column-names.ts";
import type { LocatedRecord } from "../csv/read-records.ts";
import { didYouMean } from "../validation/did-you-mean.ts";
import type { Problem } from "../validation/problem.ts";

/** A figures row as loaded: the figure and where its cells are. */
export type LocatedFigure = Pick<LocatedRecord<Figure>, "file" | "line" | "data" | "locate">;

/** What the cross-row checks of figures need besides the rows. */
export interface FigureCheckContext {
  /** Ids of the site config's services; undefined when there is no config to check against. */
  services: readonly string[] | undefined;
  /** The organisation's country (ISO code): "foreign" means any other. */
  jurisdiction: string | undefined;
  /** The ledger's rows, to reconcile with; undefined when the ledger has invalid rows (a row left out would show as a difference). */
  ledger: readonly LocatedRecord<Request>[] | undefined;
  /** Whether every row of the file is valid: sums and totals are checked only then, or a row left out would show as a missing total. */
  complete: boolean;
}

const n = (value: number): string => value.toLocaleString("en");
/** `line 4`, `lines 4 and 7`, `lines 4, 7, 9, 12, 15 and 3 more`. */
const lines = (rows: readonly { line: number }[]): string => {
  const numbers = rows.map((r) => r.line);
  if (numbers.length === 1) return `line ${numbers[0]}`;
  const shown = numbers.slice(0, 5);
  const last = numbers.length > 5 ? `${n(numbers.length - 5)} more` : shown.pop();
  return `lines ${shown.join(", ")} and ${last}`;
};

function problemAt(record: LocatedFigure, field: string, expected: string, found?: string): Problem {
  const cell = record.locate(field);
  return {
    file: record.file,
    line: cell.line,
    column: cell.column,
    field: columnName(cell.column, field),
    expected,
    found: found ?? cell.raw,
  };
}

/** Words for a figure's scope: `2023, service mail, requests`. */
export function scopeWords(f: Pick<Figure, "period" | "service" | "measure">): string {
  return [f.period.text, f.service && `service ${f.service}`, f.measure].filter(Boolean).join(", ");
}

/** Words for one figure: `2023, requests by outcome complied`, `2023, requests (total)`. */
function figureWords(f: Figure): string {
  const by = f.dimension === "total" ? "(total)" : `by ${f.dimension} ${f.category ?? ""}`;
  return `${scopeWords(f)} ${by}`;
}

/** The `service` cells of figures and ledger rows that name no service of the site config. */
export function serviceProblems(
  rows: readonly Pick<LocatedRecord<{ service?: string | undefined }>, "file" | "line" | "data" | "locate">[],
  services: readonly string[] | undefined,
): Problem[] {
  if (services === undefined) return [];
  return rows.flatMap((row) => {
    const { service } = row.data;
    if (service === undefined || services.includes(service)) return [];
    const cell = row.locate("service");
    const expected = `blank (the whole organisation) or the id of one of the services in src/site.config.ts: ${services.join(", ")}${didYouMean(service, services)}`;
    return [
      {
        file: row.file,
        line: cell.line,
        column: cell.column,
        field: columnName(cell.column, "service"),
        expected,
        found: cell.raw,
      },
    ];
  });
}

/** A figure's place in its file: period, service and measure, then the dimension and category. */
const groupKey = (f: Figure): string => `${f.period.key}|${f.service ?? ""}|${f.measure}`;

/** Figures given twice, naming the first line; and the rows without them, which the other checks read. */
function duplicateProblems(rows: readonly LocatedFigure[]): { problems: Problem[]; firsts: LocatedFigure[] } {
  const first = new Map<string, LocatedFigure>();
  const problems: Problem[] = [];
  for (const row of rows) {
    const key = `${groupKey(row.data)}|${row.data.dimension}|${row.data.category ?? ""}`;
    const earlier = first.get(key);
    if (earlier)
      problems.push(
        problemAt(
          row,
          row.data.dimension === "total" ? "dimension" : "category",
          `each figure once: line ${earlier.line} already gives ${figureWords(row.data)}`,
        ),
      );
    else first.set(key, row);
  }
  return { problems, firsts: [...first.values()] };
}

/** Breakdowns without a total, exclusive breakdowns over their total, and "foreign" beside named foreign countries. */
function breakdownProblems(rows: readonly LocatedFigure[], jurisdiction: string | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const group of Map.groupBy(rows, (row) => groupKey(row.data)).values()) {
    const total = group.find((row) => row.data.dimension === "total");
    const dimensions = Map.groupBy(
      group.filter((row) => row.data.dimension !== "total"),
      (row) => row.data.dimension,
    );
    for (const [dimension, parts] of dimensions) {
      const [first] = parts;
      if (!first) continue;
      if (!total) {
        problems.push(
          problemAt(
            first,
            "dimension",
            `a total row for ${scopeWords(first.data)} (dimension total, category blank) before its breakdown by ${dimension}: a breakdown is a part of a published total`,
          ),
        );
        continue;
      }
      if (OVERLAPPING_DIMENSIONS.includes(dimension as (typeof OVERLAPPING_DIMENSIONS)[number])) continue;
      const sum = addBands(parts.map((p) => p.data.value));
      if (sum.low > total.data.value.high) {
        const last = parts.at(-1) ?? first;
        problems.push(
          problemAt(
            last,
            "value",
            `categories of ${dimension} that sum to no more than the total, ${bandText(total.data.value)} (line ${total.line}): ${lines(parts)} ${parts.length === 1 ? "gives" : "sum to"} ${bandText(sum)}`,
          ),
        );
      }
      if (dimension === "country" && jurisdiction !== undefined) {
        const foreign = parts.find((p) => p.data.category === "foreign");
        const named = parts.filter((p) => /^[A-Z]{2}$/.test(p.data.category ?? "") && p.data.category !== jurisdiction);
        if (foreign && named.length > 0)
          problems.push(
            problemAt(
              foreign,
              "category",
              `either "foreign" (every foreign country together) or foreign countries by code, not both: ${lines(named)} name${named.length === 1 ? "s" : ""} ${named.map((p) => p.data.category).join(", ")}, which "foreign" already counts; write the foreign countries not named as "unnamed"`,
            ),
          );
      }
    }
  }
  return problems;
}

/** Words for what the ledger gives, when its rows may or may not all belong. */
function ledgerWords(band: Band): string {
  if (band.high === Infinity) return `at least ${n(band.low)} (some of its rows do not give accounts)`;
  if (band.low === band.high) return n(band.low);
  return `${n(band.low)} to ${n(band.high)} (some of its rows are dated more coarsely than the period, or name no service)`;
}

/** Published figures that the ledger, where it has rows for the same period and service, contradicts. */
function reconciliationProblems(
  rows: readonly LocatedFigure[],
  context: FigureCheckContext & { ledger: readonly LocatedRecord<Request>[] },
): Problem[] {
  const problems: Problem[] = [];
  for (const group of Map.groupBy(rows, (row) => groupKey(row.data)).values()) {
    const [first] = group;
    if (!first) continue;
    const scope = ledgerScope(context.ledger, first.data.period, first.data.service);
    const all = [...scope.certain, ...scope.possible];
    if (all.length === 0) continue;
    for (const row of group) {
      const ledger = ledgerValue(scope, row.data, context.jurisdiction ?? "");
      if (ledger === undefined || bandsOverlap(ledger.band, row.data.value)) continue;
      const where =
        ledger.rows.length > 0
          ? `on ${lines(ledger.rows.toSorted((a, b) => a.line - b.line))}`
          : `(none of its rows for ${row.data.period.text}, on ${lines(all)}, counts here)`;
      problems.push(
        problemAt(
          row,
          "value",
          `the number the ledger gives for ${figureWords(row.data)}: data/requests.csv gives ${ledgerWords(ledger.band)} ${where}`,
        ),
      );
    }
  }
  return problems;
}

/**
 * Checks across the rows of data/figures.csv, each located: unknown services, figures given twice,
 * breakdowns without a total or over it, and every published number the ledger contradicts (the last
 * two only when every row is valid, so that no problem is a knock-on of another).
 */
export function figureProblems(rows: readonly LocatedFigure[], context: FigureCheckContext): Problem[] {
  // A figure given twice is reported once, and counted once in the sums below.
  const { problems: duplicates, firsts } = duplicateProblems(rows);
  const { ledger } = context;
  return [
    ...serviceProblems(rows, context.services),
    ...duplicates,
    ...(context.complete ? breakdownProblems(firsts, context.jurisdiction) : []),
    ...(context.complete && ledger ? reconciliationProblems(firsts, { ...context, ledger }) : []),
  ];
}
