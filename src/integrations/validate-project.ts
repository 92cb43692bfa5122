import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { loadProjectShared } from "../lib/project/shared-project.ts";
import { buildTime } from "../lib/site/build-time.ts";
import { formatProblem, formatProblemReport } from "../lib/validation/problem.ts";

/**
 * Validates data/ and content/ before Astro reads anything. A build (or sync) with any problem
 * stops before a page is written, printing the same report as `npm run validate`.
 */
export function validateProject(options: { expiredCanary: "error" | "warning" }): AstroIntegration {
  return {
    name: "vitrine",
    hooks: {
      "astro:config:setup": async ({ command, config, logger }) => {
        // Under `astro dev` the record loaders report problems, and again after every edit.
        if (command === "preview" || command === "dev") return;
        // Shared with the record loaders, which read the same files again during the same build.
        const { problems, warnings } = await loadProjectShared(fileURLToPath(config.root), {
          now: buildTime(),
          ...options,
        });
        for (const warning of warnings) logger.warn(formatProblem(warning));
        if (problems.length === 0) return;
        const report = formatProblemReport(problems);
        logger.error("data/ or content/ has problems, so nothing was built:");
        console.error(
          `${report}\nFix the lines above (see docs/data-format.md); npm run validate checks again in seconds.`,
        );
        // Exit here rather than throw: the report is the whole message, and a stack trace would bury it.
        process.exit(1);
      },
    },
  };
}
