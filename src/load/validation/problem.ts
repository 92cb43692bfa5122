/** One thing an editor must fix, located in a file of the project. */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based physical line in the file. */
  line: number;
  /** 1-based column: the spreadsheet column in a CSV file, the character column elsewhere. */
  column: number;
  /** The CSV column, frontmatter key or other part of the file the problem is in. */
  field: string;
  /** What was expected, in plain words. */
  expected: string;
  /** What was found, as written in the file. */
  found: string;
}

/** Formats a problem as `<path>:<line>:<column>: <field>: <expected>, found "<value>"`. */
export function formatProblem(problem: Problem): string {
  const found = problem.found.replace(/\r?\n/g, "\\n");
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
