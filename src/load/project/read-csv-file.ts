import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { decodeCsv } from "../csv/decode-csv.ts";
import { parseCsv } from "../csv/parse-csv.ts";
import { readRecords, type ReadResult } from "../csv/read-records.ts";
import type { FieldShape, RecordSpec } from "../../contract/schemas/record-spec.ts";

/** The records of a data file; `unreadable` when the file could not be read as a table at all (its ids are unknown). */
export interface CsvFileResult<T> extends ReadResult<T> {
  unreadable: boolean;
}

/**
 * Reads and validates one CSV data file, decoded from its bytes, its dates checked against the build
 * time `now`, its translated columns against the site's other `languages`; a missing file means no records of that kind.
 */
export async function readCsvFile<Shape extends FieldShape>(
  root: string,
  spec: RecordSpec<Shape>,
  now: Date,
  languages: readonly string[] = [],
): Promise<CsvFileResult<z.output<z.ZodObject<Shape>>>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(root, spec.file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      return { records: [], keys: [], problems: [], unreadable: false };
    throw error;
  }
  const decoded = decodeCsv(bytes, spec.file);
  if ("problem" in decoded) return { records: [], keys: [], problems: [decoded.problem], unreadable: true };
  const table = parseCsv(decoded.text, spec.file);
  return { ...readRecords(table, spec, now, languages), unreadable: table.header.length === 0 };
}
