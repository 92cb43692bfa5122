import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { Package } from "datapackage";
import { Table } from "tableschema";

/** A row that failed: its number (1 is the header) and every cell's error. */
interface RowError extends Error {
  rowNumber?: number;
  errors?: { columnNumber?: number; message: string }[];
}
/** A table as tableschema 1.12 reads it: its bundled types say `read` is synchronous, but it returns a promise. */
interface CheckedTable {
  read(options: { forceCast: true; relations: false }): Promise<(unknown[] | RowError)[]>;
}
const loadTable = Table.load.bind(Table) as unknown as (
  source: string,
  options: { schema: unknown; bom: boolean },
) => Promise<CheckedTable>;

/**
 * Every problem frictionlessdata's JavaScript libraries find in a data package on disk, as one line
 * each (an empty list when it is valid): the descriptor against the Tabular Data Package profile
 * (datapackage), each resource's `bytes` and sha256 `hash` against its file, and every row of every
 * resource against its Table Schema (tableschema: header names, types, required, enum, pattern and
 * bounds, unique and primary-key values, foreign keys). The CSV downloads start with a byte order
 * mark, which the libraries' CSV reader keeps in the first header unless told (`bom`).
 */
export async function dataPackageProblems(descriptorPath: string, basePath: string): Promise<string[]> {
  const pkg = await Package.load(descriptorPath, { basePath });
  const problems = pkg.errors.map((error) => `datapackage.json: ${error.message}`);
  for (const resource of pkg.resources) {
    const { path, bytes, hash, schema } = resource.descriptor;
    const body = readFileSync(resource.source);
    if (bytes !== body.length) problems.push(`${path}: bytes is ${bytes}, the file has ${body.length}`);
    const sha256 = `sha256:${createHash("sha256").update(body).digest("hex")}`;
    if (hash !== sha256) problems.push(`${path}: hash is ${hash}, the file's is ${sha256}`);
    try {
      const table = await loadTable(resource.source, { schema, bom: true });
      const rows = await table.read({ forceCast: true, relations: false });
      for (const row of rows.filter((r): r is RowError => r instanceof Error)) {
        // A cast error lists its cells in `errors`; a unique or key violation only has a message.
        const cells = row.errors?.length
          ? row.errors.map((e) => `column ${e.columnNumber}: ${e.message}`)
          : [row.message];
        problems.push(...cells.map((cell) => `${path}: row ${row.rowNumber}: ${cell}`));
      }
    } catch (error) {
      const { message, errors } = error as RowError;
      problems.push(`${path}: ${[message, ...(errors ?? []).map((e) => e.message)].join("; ")}`);
    }
  }
  return problems;
}
