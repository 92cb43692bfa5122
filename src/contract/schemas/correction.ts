import { z } from "zod";
import { line, optional, partialDate, text, TEXT_LIMITS } from "../fields/csv-fields.ts";
import { defineRecordSpec } from "./record-spec.ts";

/**
 * Columns of `data/corrections.csv`: one row per change to a released record or figure. A row with a
 * blank `field` (and blank values) withdraws the whole record from the data.
 */
export const correctionSpec = defineRecordSpec({
  kind: "correction",
  file: "data/corrections.csv",
  pastDates: ["date"],
  shape: {
    date: partialDate(),
    record: line(TEXT_LIMITS.title),
    field: optional(line(60)),
    old_value: optional(text()),
    new_value: optional(text()),
    reason: text(),
  },
  rules: [
    {
      fields: ["date"],
      check: (c) =>
        c.date.precision === "day" ? undefined : { field: "date", expected: "the day of the correction, YYYY-MM-DD" },
    },
    {
      fields: ["field", "old_value", "new_value"],
      check: (c) =>
        c.field === undefined && (c.old_value !== undefined || c.new_value !== undefined)
          ? {
              field: c.old_value === undefined ? "new_value" : "old_value",
              expected:
                "blank, because field is blank (the whole record is withdrawn); name the field to correct one value",
            }
          : undefined,
    },
  ],
});

/** Zod schema of a corrections row: CSV cells in, a typed correction out. */
export const CorrectionSchema = z.object(correctionSpec.shape);
/** A change to a released record or figure, as the editor wrote it down. */
export type Correction = z.output<typeof CorrectionSchema>;
