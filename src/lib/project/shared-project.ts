import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { loadProject, type LoadOptions, type Project } from "./load-project.ts";

/**
 * What the files of a project look like on disk: every path under data/ and content/ with its size
 * and modification time. Any edit, new file or deleted file changes it.
 */
async function fingerprint(root: string): Promise<string> {
  const parts: string[] = [];
  for (const folder of ["data", "content"]) {
    const names = await readdir(path.join(root, folder), { recursive: true }).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const info = await stat(path.join(root, folder, name)).catch(() => undefined);
      if (info?.isFile()) parts.push(`${folder}/${name}:${info.size}:${info.mtimeMs}`);
    }
  }
  return parts.join("\n");
}

interface SharedLoad {
  key: string;
  /** The moment it was checked for (the canary's expiry), ms. */
  now: number;
  project: Promise<Project>;
}

/**
 * How far apart two builds' moments may be and still share one read. Without SOURCE_DATE_EPOCH each
 * caller asks for the current time; only the canary check depends on it, and only by the day.
 */
const SAME_MOMENT_MS = 60_000;

// On globalThis, not in this module: Astro loads the config (the validate integration) and the content
// config (the record loaders) through separate module graphs, so each has its own copy of this module.
const SHARED = Symbol.for("vitrine.sharedProjectLoad");
const slots = ((globalThis as Record<symbol, unknown>)[SHARED] ??= new Map<string, SharedLoad>()) as Map<
  string,
  SharedLoad
>;

/**
 * `loadProject`, read once per build: the validate integration and the three record loaders of a build
 * validate the same files, so they share one result. It is read again when any file under data/ or
 * content/ changed since (size or modification time), with other options, or for a moment more than a
 * minute away. Only the latest result per project is kept.
 */
export async function loadProjectShared(root: string, options: LoadOptions = {}): Promise<Project> {
  const now = (options.now ?? new Date()).getTime();
  const key = JSON.stringify([options.expiredCanary ?? null, await fingerprint(root)]);
  const slot = slots.get(root);
  if (slot?.key === key && Math.abs(slot.now - now) <= SAME_MOMENT_MS) return slot.project;
  const project = loadProject(root, { ...options, now: new Date(now) });
  slots.set(root, { key, now, project });
  // A failed read is not kept: the next caller tries again.
  project.catch(() => slots.get(root)?.project === project && slots.delete(root));
  return project;
}
