import { z } from "zod";
import { bandText } from "../../contract/fields/band.ts";
import { DIMENSIONS, MEASURES, type Figure } from "../../contract/schemas/figure.ts";
import { writeCsvTable } from "./csv-table.ts";
import { describedField } from "../../contract/fields/field-descriptions.ts";

/** Columns of `figures.csv`: those of `data/figures.csv`, with each value's bounds as numbers after it. */
export const FIGURE_COLUMNS = [
  "period",
  "service",
  "measure",
  "dimension",
  "category",
  "value",
  "value_low",
  "value_high",
  "source",
  "note",
] as const;

/** One published figure as the downloads give it (unknown cells left out of the JSON). */
export const FigureDownloadSchema = z.object({
  period: describedField(
    z.string().regex(/^\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$/),
    "What the report covers, as it states it: YYYY, YYYY-H1, YYYY-Q3 or YYYY-MM.",
  ),
  service: describedField(
    z.string().optional(),
    "Id of the service the report gives the figure for apart; left out: the whole organisation.",
  ),
  measure: describedField(z.enum(MEASURES), "requests (demands received) or accounts (accounts named)."),
  dimension: describedField(z.enum(DIMENSIONS), "total, or the ledger column the figure breaks the total down by."),
  category: describedField(
    z.string().optional(),
    "The category of the breakdown (a vocabulary word, an ISO 3166-1 alpha-2 code, unnamed, foreign, other or unspecified); left out for a total.",
  ),
  value: describedField(
    z.string().regex(/^\d+(-\d+)?$/),
    "The number as published: a whole number, or a band A-B the report gives instead.",
  ),
  value_low: describedField(z.int().min(0), "Lower bound of value (the number itself when exact)."),
  value_high: describedField(z.int().min(0), "Upper bound of value (the number itself when exact)."),
  source: describedField(z.url().optional(), "Address of the published report the figure comes from."),
  note: describedField(z.string().optional(), "What the site shows beside the figure."),
});

/** A published figure in the downloads. */
export type FigureDownload = z.output<typeof FigureDownloadSchema>;

/** A figure as the downloads give it; fields that are unknown are left out, never null. */
export function figureDownload(figure: Figure): FigureDownload {
  return {
    period: figure.period.text,
    ...(figure.service === undefined ? {} : { service: figure.service }),
    measure: figure.measure,
    dimension: figure.dimension,
    ...(figure.category === undefined ? {} : { category: figure.category }),
    value: bandText(figure.value),
    value_low: figure.value.low,
    value_high: figure.value.high,
    ...(figure.source === undefined ? {} : { source: figure.source }),
    ...(figure.note === undefined ? {} : { note: figure.note }),
  };
}

/** The figures in the order of `data/figures.csv` (the order the editor wrote them in). */
const inFileOrder = (figures: readonly Figure[]): Figure[] => [...figures].sort((a, b) => a.line - b.line);

/**
 * Every published figure as CSV, one row per number in the order of `data/figures.csv`: its columns
 * normalised (period upper-cased, category as the site stores it, value as `446` or `0-249`) plus
 * `value_low` and `value_high`; blank cells for what the row left blank.
 */
export function figuresCsv(figures: readonly Figure[]): string {
  const rows = inFileOrder(figures).map((figure) => {
    const values: Record<string, string | number | undefined> = figureDownload(figure);
    return FIGURE_COLUMNS.map((column) => values[column] ?? "");
  });
  return writeCsvTable({ columns: FIGURE_COLUMNS, rows });
}

/** Every published figure as a JSON array, in the order of `data/figures.csv`; two-space indent, final newline. */
export function figuresJson(figures: readonly Figure[]): string {
  return `${JSON.stringify(inFileOrder(figures).map(figureDownload), null, 2)}\n`;
}
