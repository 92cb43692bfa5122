import type { RecordDownloadKind } from "../../src/output/open-data/open-data-files.ts";
import type { PublishedRecord } from "../../src/output/open-data/record-values.ts";
import type { Project } from "../../src/load/project/load-project.ts";

/** The records of one kind in a loaded project. */
export function recordsOf(project: Project, kind: RecordDownloadKind): PublishedRecord[] {
  const located =
    kind === "requests" ? project.requests : kind === "blocking-events" ? project.blockingEvents : project.incidents;
  return located.map((record) => record.data);
}
