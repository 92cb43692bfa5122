import { columnName } from "../csv/column-names.ts";
import type { LocatedRecord, RecordKey } from "../csv/read-records.ts";
import { didYouMean } from "../validation/did-you-mean.ts";
import { fieldPath } from "../validation/field-path.ts";
import type { Problem } from "../validation/problem.ts";
import type { ContentEntry } from "./read-content-folder.ts";

type AnyRecord = LocatedRecord<{ id: string; related: string[] }>;

/** Reports ids used twice across all data files, naming where each was first used. */
export function duplicateIdProblems(keys: readonly RecordKey[]): Problem[] {
  const first = new Map<string, RecordKey>();
  const problems: Problem[] = [];
  for (const key of keys) {
    const earlier = first.get(key.id);
    if (!earlier) {
      first.set(key.id, key);
      continue;
    }
    const cell = key.locate("id");
    problems.push({
      file: key.file,
      line: cell.line,
      column: cell.column,
      field: columnName(cell.column, "id"),
      expected: `an id not used before (first used at ${earlier.file}:${earlier.line})`,
      found: key.id,
    });
  }
  return problems;
}

function unknownId(id: string, known: ReadonlySet<string>, what: string): string {
  return `the id of ${what}${didYouMean(id, [...known])}`;
}

/** What a record id must name, by default. */
const A_RECORD = "a record in data/";

/**
 * Reports `related` ids in data files that name no record, or the record itself; `what` says what
 * an id must name (a site that leaves out a kind says so there).
 */
export function relatedRecordProblems(
  records: readonly AnyRecord[],
  ids: ReadonlySet<string>,
  what = A_RECORD,
): Problem[] {
  const problems: Problem[] = [];
  for (const record of records) {
    for (const id of record.data.related) {
      const { line, column } = record.locate("related");
      const at = { file: record.file, line, column, field: columnName(column, "related"), found: id };
      if (id === record.data.id) problems.push({ ...at, expected: "ids of other records (not the record itself)" });
      else if (!ids.has(id)) problems.push({ ...at, expected: unknownId(id, ids, what) });
    }
  }
  return problems;
}

/** Reports ids in a content file's frontmatter list (`key`) that are not in `ids`. */
export function frontmatterIdProblems<T extends Record<K, string[]>, K extends string>(
  entries: readonly ContentEntry<T>[],
  key: K,
  ids: ReadonlySet<string>,
  what: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    entry.data[key].forEach((id, index) => {
      if (ids.has(id)) return;
      const at = entry.locate([key, index]);
      problems.push({
        file: entry.file,
        line: at.line,
        column: at.column,
        field: fieldPath(key, [index]),
        expected: unknownId(id, ids, what),
        found: id,
      });
    });
  }
  return problems;
}

/** Reports write-ups in `content/records/` whose file name is no record id (`what` as for `relatedRecordProblems`). */
export function writeupNameProblems(
  writeups: readonly { id: string; file: string }[],
  ids: ReadonlySet<string>,
  what = A_RECORD,
): Problem[] {
  return writeups
    .filter((writeup) => !ids.has(writeup.id))
    .map(({ id, file }) => ({
      file,
      line: 1,
      column: 1,
      field: "file name",
      expected: `${unknownId(id, ids, what)}, then .mdx`,
      found: file.split("/").pop() ?? id,
    }));
}
