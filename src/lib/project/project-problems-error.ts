import { formatProblemReport, type Problem } from "../validation/problem.ts";

/** Thrown when data/ or content/ has problems; its message is the full report, one line per problem. */
export class ProjectProblemsError extends Error {
  override name = "ProjectProblemsError";
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(formatProblemReport(problems));
    this.problems = problems;
    // The message says everything an editor needs; a stack trace would only hide it.
    this.stack = this.message;
  }
}
