import countries from "i18n-iso-countries";
import { z } from "zod";
import { bandValue } from "../fields/band.ts";
import { httpUrl, id, line, oneOf, optional } from "../fields/csv-fields.ts";
import { publishedPeriod } from "../fields/published-period.ts";
import { didYouMean } from "../../load/validation/did-you-mean.ts";
import { defineRecordSpec } from "./record-spec.ts";
import { AUTHORITY_TYPES, DATA_KINDS, LEGAL_PROCESSES, OUTCOMES, REJECTION_REASONS, ROUTES } from "./vocabulary.ts";

/** What a published figure counts: demands received, or accounts (identifiers) they named. */
export const MEASURES = ["requests", "accounts"] as const;
export type Measure = (typeof MEASURES)[number];

/** The dimensions a figure may break a total down by: the ledger's columns. */
export const BREAKDOWN_DIMENSIONS = [
  "country",
  "authority_type",
  "route",
  "legal_process",
  "data_requested",
  "data_disclosed",
  "outcome",
  "rejection_reason",
  "contested",
  "gag_order",
  "user_notified",
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
export const DIMENSIONS = ["total", ...BREAKDOWN_DIMENSIONS] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Dimensions where one request may fall in several categories: their categories may sum to more than the total. */
export const OVERLAPPING_DIMENSIONS: readonly BreakdownDimension[] = ["data_requested", "data_disclosed"];

/** Outcomes a report may publish: the ledger's, plus `complied` (data handed over in whole or in part, extent not published). */
export const FIGURE_OUTCOMES = [...OUTCOMES, "complied"] as const;

/** Words every dimension accepts: a category the report names but the vocabulary lacks, and "not specified". */
export const COMMON_CATEGORIES = ["other", "unspecified"] as const;

/** Country categories besides ISO codes: countries not named, and every foreign country together. */
export const COUNTRY_GROUPS = ["unnamed", "foreign"] as const;

/** The words of each dimension's vocabulary (country: the groups; ISO codes are checked apart). */
export const CATEGORY_WORDS: Record<BreakdownDimension, readonly string[]> = {
  country: COUNTRY_GROUPS,
  authority_type: AUTHORITY_TYPES,
  route: ROUTES,
  legal_process: LEGAL_PROCESSES,
  data_requested: DATA_KINDS,
  data_disclosed: DATA_KINDS,
  outcome: FIGURE_OUTCOMES,
  rejection_reason: REJECTION_REASONS,
  contested: ["yes", "no"],
  gag_order: ["yes", "no"],
  user_notified: ["yes", "no"],
};

/** Every word a dimension accepts, in the order the site lists them. */
export function categoriesOf(dimension: BreakdownDimension): string[] {
  return [...new Set([...CATEGORY_WORDS[dimension], ...COMMON_CATEGORIES])];
}

/** A category as stored: an ISO code upper-cased, any word lower-cased. */
export function normaliseCategory(dimension: Dimension, category: string): string {
  const trimmed = category.trim();
  return dimension === "country" && /^[a-z]{2}$/i.test(trimmed) ? trimmed.toUpperCase() : trimmed.toLowerCase();
}

/** What `category` must be for a dimension, in words, or undefined when it is fine. */
export function categoryProblem(dimension: Dimension, category: string | undefined): string | undefined {
  if (dimension === "total") return category === undefined ? undefined : "blank, because dimension is total";
  const words = categoriesOf(dimension);
  if (category === undefined) return `a category of ${dimension}: ${describeWords(dimension, words)}`;
  const normal = normaliseCategory(dimension, category);
  if (words.includes(normal)) return undefined;
  if (dimension === "country" && /^[A-Z]{2}$/.test(normal) && countries.isValid(normal)) return undefined;
  return `${describeWords(dimension, words)}${didYouMean(category, words)}`;
}

function describeWords(dimension: BreakdownDimension, words: readonly string[]): string {
  const list = words.join(", ");
  return dimension === "country" ? `an ISO 3166-1 alpha-2 code like "RU", or one of ${list}` : `one of ${list}`;
}

/** Columns of `data/figures.csv`: one row per number a published report prints. */
export const figureSpec = defineRecordSpec({
  kind: "published figure",
  file: "data/figures.csv",
  pastDates: ["period"],
  shape: {
    period: publishedPeriod(),
    service: optional(id()),
    measure: oneOf(MEASURES),
    dimension: oneOf(DIMENSIONS),
    category: optional(line(60)),
    value: bandValue(),
    source: optional(httpUrl()),
    note: optional(line()),
  },
  rules: [
    {
      fields: ["dimension", "category"],
      check: (f) => {
        const expected = categoryProblem(f.dimension, f.category);
        return expected === undefined ? undefined : { field: "category", expected };
      },
    },
  ],
});

/** Zod schema of a figures row: CSV cells in, a typed figure out (category not yet normalised). */
export const FigureRowSchema = z.object(figureSpec.shape);
/** One published number, as the CSV gives it. */
export type FigureRow = z.output<typeof FigureRowSchema>;

/** A published figure as the site uses it: its category normalised, its line in the file kept. */
export interface Figure extends Omit<FigureRow, "category"> {
  category?: string | undefined;
  /** Line of its row in data/figures.csv: errors and the open data name it. */
  line: number;
}

/** Schema of a figure in the content collection. */
export const FigureSchema = FigureRowSchema.omit({ category: true }).extend({
  category: z.string().optional(),
  line: z.number().int(),
});

/** The figure of a valid row, its category normalised. */
export function toFigure(row: FigureRow, line: number): Figure {
  return {
    ...row,
    category: row.category === undefined ? undefined : normaliseCategory(row.dimension, row.category),
    line,
  };
}
