import { z } from "zod";
import type { CorrectionView } from "../../model/corrections-model.ts";
import { writeCsvTable } from "./csv-table.ts";
import { describedField } from "../../contract/fields/field-descriptions.ts";

/** Columns of `corrections.csv`: those of `data/corrections.csv`. */
export const CORRECTION_COLUMNS = ["date", "record", "field", "old_value", "new_value", "reason"] as const;

/** One correction as the downloads give it (blank cells left out of the JSON). */
export const CorrectionDownloadSchema = z.object({
  date: describedField(z.iso.date(), "The day of the correction, YYYY-MM-DD."),
  record: describedField(
    z.string(),
    "The id of the record corrected, or the key of a published figure: its period, service, measure, dimension and category as in figures.csv, joined by / with blanks left out (2024-H1/vpn/requests/country/RU).",
  ),
  field: describedField(
    z.string().optional(),
    "The column corrected, as in the record's download; left out when the whole record was withdrawn.",
  ),
  old_value: describedField(
    z.string().optional(),
    "The value in the release before the correction; left out when it was blank, withdrawn or withheld.",
  ),
  new_value: describedField(
    z.string().optional(),
    "The value since the correction; left out when it is blank, withdrawn or withheld.",
  ),
  reason: describedField(z.string(), "Why the value was corrected."),
});

/** A correction in the downloads. */
export type CorrectionDownload = z.output<typeof CorrectionDownloadSchema>;

/** A correction as the downloads give it; what is blank is left out, never null. */
export function correctionDownload(correction: CorrectionView): CorrectionDownload {
  return {
    date: correction.date.start,
    record: correction.record,
    ...(correction.field === undefined ? {} : { field: correction.field }),
    ...(correction.oldValue === undefined ? {} : { old_value: correction.oldValue }),
    ...(correction.newValue === undefined ? {} : { new_value: correction.newValue }),
    reason: correction.reason,
  };
}

/** Every correction as CSV, newest first, in the columns of data/corrections.csv. */
export function correctionsCsv(corrections: readonly CorrectionView[]): string {
  const rows = corrections.map((correction) => {
    const values: Record<string, string | undefined> = correctionDownload(correction);
    return CORRECTION_COLUMNS.map((column) => values[column] ?? "");
  });
  return writeCsvTable({ columns: CORRECTION_COLUMNS, rows });
}

/** Every correction as a JSON array, newest first; two-space indent, final newline. */
export function correctionsJson(corrections: readonly CorrectionView[]): string {
  return `${JSON.stringify(corrections.map(correctionDownload), null, 2)}\n`;
}
