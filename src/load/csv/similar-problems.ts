import type { Problem } from "../validation/problem.ts";

/** How many problems of one kind in one column are listed before the rest are summed up in one line. */
export const SHOWN_PER_KIND = 3;

/** A value a spreadsheet made into its own date format (`9/18/2017`, `18.09.2017`, `18-Sep-17`) or a date serial. */
const SPREADSHEET_DATE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}-[A-Za-z]{3}-\d{2,4}|\d{5})$/;

/** What to do about a whole column that failed the same way. */
function hintFor(column: string, found: readonly string[]): string {
  if (found.some((value) => SPREADSHEET_DATE.test(value.trim())))
    return `a spreadsheet turned these dates into its own format: format ${column} as Text before typing dates like 2017-09-18, or export the file again from where the dates were right`;
  return `the whole column may have been changed by a spreadsheet: check ${column}, format it as Text, and export the file again`;
}

/**
 * Lists the first few problems of each kind (same file, field and expectation) and sums up the rest
 * in one line, "… and 149 more like it in column B (received)", with a hint: a column of dates that
 * a spreadsheet reformatted gives a handful of lines, not one per cell. Keeps the problems' order.
 */
export function groupSimilarProblems(problems: readonly Problem[]): Problem[] {
  const keyOf = (problem: Problem): string => `${problem.file}\u0000${problem.field}\u0000${problem.expected}`;
  const groups = new Map<string, Problem[]>();
  for (const problem of problems) {
    const key = keyOf(problem);
    const group = groups.get(key);
    if (group) group.push(problem);
    else groups.set(key, [problem]);
  }
  const seen = new Map<string, number>();
  const out: Problem[] = [];
  for (const problem of problems) {
    const key = keyOf(problem);
    const group = groups.get(key) ?? [problem];
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    // Summing up one or two problems would say no less than listing them.
    if (group.length <= SHOWN_PER_KIND + 2 || index < SHOWN_PER_KIND) out.push(problem);
    else if (index === SHOWN_PER_KIND) {
      const rest = group.slice(SHOWN_PER_KIND);
      const last = rest[rest.length - 1] ?? problem;
      const hint = hintFor(
        problem.field,
        rest.map((p) => p.found),
      );
      out.push({
        ...problem,
        expected: `… and ${rest.length} more like it in ${problem.field}, on lines ${problem.line} to ${last.line}: ${hint}`,
      });
    }
  }
  return out;
}
