import { readdir } from "node:fs/promises";
import path from "node:path";
import { distance } from "fastest-levenshtein";
import { SAVE_AS_UTF8 } from "../csv/decode-csv.ts";
import type { Problem } from "../validation/problem.ts";

/** Files a spreadsheet program saves in its own format, which the site cannot read. */
const SPREADSHEET_FILE = /\.(?:xlsx|xlsm|xls|ods|numbers)$/i;

const stem = (name: string): string => name.replace(/\.[^.]*$/, "").toLowerCase();

/** Names in `data/` that look meant as `expected`: another case or extension, or a short typo away. */
export function nearMisses(expected: string, names: readonly string[]): string[] {
  const wanted = stem(expected);
  return names.filter((name) => name !== expected && (stem(name) === wanted || distance(stem(name), wanted) <= 2));
}

/** Names of the files in `data/` (none when there is no such folder). */
export async function dataFolderNames(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, "data"), { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
}

/**
 * A problem for each data file in `required` (relative to the root) that is not among `names` (a
 * missing file would publish a report of nothing), naming the files that look meant for it
 * (`Requests.csv`, `requests.xlsx`).
 */
export function missingDataFileProblems(required: readonly string[], names: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of required) {
    const name = path.posix.basename(file);
    if (names.includes(name)) continue;
    const near = nearMisses(name, names);
    const hint =
      near.length > 0 ? `; found ${near.join(", ")}: file names are case-sensitive, and only CSV UTF-8 is read` : "";
    problems.push({
      file,
      line: 1,
      column: 1,
      field: "file",
      expected: `this file, at least its header line (without it the site would publish none of these records, as if there were none)${hint}`,
      found: "no such file",
    });
  }
  return problems;
}

/** A problem for each spreadsheet file among `names` (`.xlsx`, `.ods`…): only CSV UTF-8 exports are read. */
export function spreadsheetFileProblems(names: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const name of names.filter((n) => SPREADSHEET_FILE.test(n)).sort()) {
    const csv = `${name.replace(/\.[^.]*$/, "")}.csv`;
    problems.push({
      file: `data/${name}`,
      line: 1,
      column: 1,
      field: "file name",
      expected: `a CSV file: spreadsheet files are not read; export it as CSV UTF-8 to data/${csv} (${SAVE_AS_UTF8}), then remove it from data/`,
      found: name,
    });
  }
  return problems;
}

/**
 * A problem for each data file in `unpublished` (relative to the root, with the `publishes` key that
 * turned its kind off) that is among `names`: the site would not show it, and an editor who keeps
 * one there expects it published.
 */
export function unpublishedDataFileProblems(
  unpublished: readonly { file: string; key: string }[],
  names: readonly string[],
): Problem[] {
  return unpublished
    .filter(({ file }) => names.includes(path.posix.basename(file)))
    .map(({ file, key }) => ({
      file,
      line: 1,
      column: 1,
      field: "file",
      expected: `no such file: src/site.config.ts says publishes.${key}: false, so the site would not publish it; remove the file, or set publishes.${key} to true`,
      found: file,
    }));
}
