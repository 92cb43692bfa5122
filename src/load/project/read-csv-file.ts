import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { parseCsv } from "../csv/parse-csv.ts";
import { readRecords, type ReadResult } from "../csv/read-records.ts";
import type { FieldShape, RecordSpec } from "../../contract/schemas/record-spec.ts";

/** Reads and validates one CSV data file; a missing file means no records of that kind. */
export async function readCsvFile<Shape extends FieldShape>(
  root: string,
  spec: RecordSpec<Shape>,
): Promise<ReadResult<z.output<z.ZodObject<Shape>>>> {
  let text: string;
  try {
    text = await readFile(path.join(root, spec.file), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { records: [], keys: [], problems: [] };
    throw error;
  }
  return readRecords(parseCsv(text, spec.file), spec);
}
