import { escapeRefused } from "../../contract/fields/text-characters.ts";

/** One thing an editor must fix, located in a file of the project. */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based physical line in the file. */
  line: number;
  /** 1-based column: the spreadsheet column in a CSV file, the character column elsewhere. */
  column: number;
  /** The part of the file the problem is in: a CSV column as a spreadsheet names it (`column S (country)`), a frontmatter key, `encoding`… */
  field: string;
  /** What was expected, in plain words. */
  expected: string;
  /** What was found, as written in the file. */
  found: string;
}

/** The longest value a problem line shows in full; a longer one is cut, with its length. */
const FOUND_SHOWN = 120;

/** A value cut to `FOUND_SHOWN` characters, saying how long it was: a 1 MB cell must not flood the report. */
function shorten(found: string): string {
  const characters = [...found.slice(0, FOUND_SHOWN * 2 + 1)];
  if (characters.length <= FOUND_SHOWN) return found;
  return `${characters.slice(0, FOUND_SHOWN - 20).join("")}… (${[...found].length.toLocaleString("en")} characters)`;
}

/**
 * Formats a problem as `<path>:<line>:<column>: <field>: <expected>, found "<value>"`; line breaks and
 * control characters in the value are shown escaped (`\n`, `\u000B`), so the report stays one line each.
 */
export function formatProblem(problem: Problem): string {
  const found = escapeRefused(shorten(problem.found).replace(/\r?\n/g, "\\n"));
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.field}: ${problem.expected}, found "${found}"`;
}

/** Sorts problems by file, then line, then column; returns a new array. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Formats a whole report: one line per problem, sorted, then a count line. */
export function formatProblemReport(problems: readonly Problem[]): string {
  const lines = sortProblems(problems).map(formatProblem);
  const files = new Set(problems.map((p) => p.file)).size;
  lines.push(
    `${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}.`,
  );
  return lines.join("\n");
}
