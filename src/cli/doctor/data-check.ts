import type { SiteConfig } from "../../contract/site-config-schema.ts";
import { describeProject, loadProject } from "../../load/project/load-project.ts";
import { validateOptions } from "../validate.ts";
import type { CheckLine } from "./check-line.ts";

/** One line summing up data/, content/ and the site's dictionaries as validate reads them, with the count of problems and warnings. */
export async function dataCheck(root: string, config: SiteConfig | undefined): Promise<CheckLine[]> {
  const project = await loadProject(root, validateOptions(config));
  const topic = "Data";
  const summary = describeProject(project);
  const lines: CheckLine[] = [];
  const { problems, warnings } = project;
  if (problems.length > 0)
    lines.push({
      mark: "problem",
      topic,
      text: `${problems.length} problem${problems.length === 1 ? "" : "s"} in data/, content/ and i18n/ (${summary})`,
      fix: "run vitrine validate for the list, each with its file, line and column",
    });
  else lines.push({ mark: "ok", topic, text: summary });
  if (warnings.length > 0)
    lines.push({
      mark: "warning",
      topic,
      text: `${warnings.length} warning${warnings.length === 1 ? "" : "s"} in data/, content/ and i18n/`,
      fix: "run vitrine validate to read them",
    });
  return lines;
}
