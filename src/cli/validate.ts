import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { countProject, loadProject } from "../lib/project/load-project.ts";
import { formatProblemReport } from "../lib/validation/problem.ts";

/** Checks the site config (when there is one), data/ and content/ of the project in `root`; returns the exit code. */
export async function runValidate(root: string, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const started = performance.now();
  let configError: string | undefined;
  const configFile = path.join(root, "src/site.config.ts");
  try {
    if (existsSync(configFile)) await import(pathToFileURL(configFile).href);
  } catch (error) {
    configError = error instanceof Error ? error.message : String(error);
  }
  const project = await loadProject(root);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (configError) err(configError);
  if (project.problems.length > 0) err(formatProblemReport(project.problems));
  if (configError || project.problems.length > 0) {
    err("Nothing was published. Fix the lines above (see docs/data-format.md), then run npm run validate again.");
    return 1;
  }
  const counts = Object.entries(countProject(project)).map(([kind, count]) => `${count} ${kind}`);
  out(`All valid in ${seconds} s: ${counts.join(", ")}.`);
  return 0;
}

if (import.meta.main) {
  const root = path.resolve(process.argv[2] ?? process.cwd());
  runValidate(root, (line) => console.log(line), (line) => console.error(line)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`validate could not finish: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
