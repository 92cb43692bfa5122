import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { loadProject } from "../lib/project/load-project.ts";
import { ProjectProblemsError } from "../lib/project/project-problems-error.ts";

/**
 * Validates data/ and content/ before Astro reads anything. A build (or sync) with any problem
 * stops before a page is written, printing the same report as `npm run validate`; `astro dev`
 * logs the report and carries on with the last good data.
 */
export function validateProject(): AstroIntegration {
  return {
    name: "vitrine:validate-project",
    hooks: {
      "astro:config:setup": async ({ command, config, logger }) => {
        if (command === "preview") return;
        const project = await loadProject(fileURLToPath(config.root));
        if (project.problems.length === 0) return;
        const error = new ProjectProblemsError(project.problems);
        if (command === "dev") logger.error(error.message);
        else throw error;
      },
    },
  };
}
