import { readdir, readlink, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Problem } from "../validation/problem.ts";

/** Folders whose files are read or published as they are. */
export const LINK_CHECKED_FOLDERS = ["content", "data", "public"] as const;

/** Where a link inside the repository may not lead: hidden files and folders such as `.git/` or `.env`. */
const isHidden = (relative: string): boolean => relative.split(path.sep).some((part) => part.startsWith("."));

/**
 * Reports every symbolic link under content/, data/ or public/ that leads outside the repository,
 * into a hidden file or folder of it (`.git/config`, `.env`), or nowhere: the build would read or
 * publish what it points at. Links to folders are refused too (`public/all -> ..` would publish the
 * repository, and a loop never ends). Links to other files of the repository are allowed.
 */
export async function outsideLinkProblems(root: string): Promise<Problem[]> {
  const realRoot = await realpath(root);
  const problems: Problem[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = `${folder}/${entry.name}`;
      if (entry.isDirectory()) await walk(file);
      if (!entry.isSymbolicLink()) continue;
      const written = await readlink(path.join(root, file));
      const target = await realpath(path.join(root, file)).catch(() => undefined);
      const relative = target === undefined ? undefined : path.relative(realRoot, target);
      const inside =
        relative !== undefined && !relative.startsWith("..") && !path.isAbsolute(relative) && !isHidden(relative);
      // A link to a folder, even one inside, can hold the whole repository (`public/all -> ..` would publish
      // src/, data/ and .git/) or loop back on itself.
      const folderLink = target !== undefined && (await stat(target)).isDirectory();
      if (inside && !folderLink) continue;
      problems.push({
        file,
        line: 1,
        column: 1,
        field: "link",
        expected:
          target === undefined
            ? "a file, not a symbolic link to something that does not exist"
            : folderLink
              ? "a file or a folder, not a symbolic link to a folder: it could hold the whole repository, or itself"
              : "a file, or a symbolic link to a file of the repository that is not hidden: the build would publish what a link outside points at",
        found: written,
      });
    }
  };
  for (const folder of LINK_CHECKED_FOLDERS) await walk(folder);
  return problems;
}
