import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { loadProject } from "../lib/project/load-project.ts";
import { loadProjectShared } from "../lib/project/shared-project.ts";
import { buildTime } from "../lib/site/build-time.ts";
import { formatProblemReport } from "../lib/validation/problem.ts";

type RecordKind = "requests" | "blockingEvents" | "incidents";

// The three record loaders validate the same project on the same change: report it once.
let lastReport = { text: "", at: 0 };
const isFreshReport = (text: string): boolean => {
  const now = Date.now();
  const fresh = text !== lastReport.text || now - lastReport.at > 1000;
  lastReport = { text, at: now };
  return fresh;
};

/**
 * A content-layer loader for one CSV record kind, read from `file`. It validates the whole project (so references
 * between files are checked too) and replaces the stored records only when there is no problem.
 * In a build it throws on problems (the validate-project integration has stopped the build before);
 * under `astro dev` it logs them, keeps the last good data and reloads when data/ or content/ changes.
 */
export function projectRecordsLoader(
  kind: RecordKind,
  file: string,
  options: { expiredCanary: "error" | "warning" },
): Loader {
  return {
    name: `vitrine:${kind}`,
    load: async ({ config, store, logger, generateDigest, watcher }: LoaderContext) => {
      const root = fileURLToPath(config.root);
      const folders = [path.join(root, "data"), path.join(root, "content")];
      const sync = async (): Promise<string | undefined> => {
        // In a build, the validate integration and the other record loaders read the same files: share
        // one read. Under `astro dev` every change is read afresh.
        const project = await (watcher ? loadProject : loadProjectShared)(root, { now: buildTime(), ...options });
        if (project.problems.length > 0) return formatProblemReport(project.problems);
        store.clear();
        for (const record of project[kind]) {
          const data = record.data as unknown as Record<string, unknown>;
          store.set({ id: record.data.id, data, filePath: file, digest: generateDigest(data) });
        }
        return undefined;
      };
      if (!watcher) {
        const report = await sync();
        if (report) throw new Error(report);
        return;
      }
      const syncAndReport = async (): Promise<void> => {
        const report = await sync();
        if (report && isFreshReport(report))
          logger.error(`data/ or content/ has problems; showing the last valid data until they are fixed:\n${report}`);
      };
      await syncAndReport();
      watcher.add(folders);
      const onChange = (changed: string): void => {
        if (folders.some((folder) => changed.startsWith(folder))) void syncAndReport();
      };
      watcher.on("change", onChange).on("add", onChange).on("unlink", onChange);
    },
  };
}
