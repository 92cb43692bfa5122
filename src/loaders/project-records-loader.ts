import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import type { z } from "zod";
import { loadProject } from "../lib/project/load-project.ts";
import { ProjectProblemsError } from "../lib/project/project-problems-error.ts";
import type { RecordSpec } from "../lib/schemas/record-spec.ts";

type RecordKind = "requests" | "blockingEvents" | "incidents";

/**
 * A content-layer loader for one CSV record kind. It validates the whole project (so references
 * between files are checked too) and stores the records only when there is no problem at all.
 * In a build it throws on problems; under `astro dev` it logs them, keeps the last good data and
 * reloads whenever a file in data/ or content/ changes.
 */
export function projectRecordsLoader<Shape extends z.ZodRawShape>(kind: RecordKind, spec: RecordSpec<Shape>): Loader {
  return {
    name: `vitrine-${spec.file.replace(/\W+/g, "-")}`,
    load: async ({ config, store, logger, generateDigest, watcher }: LoaderContext) => {
      const root = fileURLToPath(config.root);
      const sync = async (): Promise<void> => {
        const project = await loadProject(root);
        if (project.problems.length > 0) throw new ProjectProblemsError(project.problems);
        store.clear();
        for (const record of project[kind]) {
          const data = record.data as unknown as Record<string, unknown>;
          store.set({ id: record.data.id, data, filePath: spec.file, digest: generateDigest(data) });
        }
      };
      if (!watcher) return sync();
      const syncAndReport = (): Promise<void> =>
        sync().catch((error: unknown) => logger.error(error instanceof ProjectProblemsError ? error.message : String(error)));
      await syncAndReport();
      watcher.add([path.join(root, "data"), path.join(root, "content")]);
      const onChange = (changed: string): void => {
        if (changed.startsWith(path.join(root, "data")) || changed.startsWith(path.join(root, "content"))) void syncAndReport();
      };
      watcher.on("change", onChange).on("add", onChange).on("unlink", onChange);
    },
  };
}
