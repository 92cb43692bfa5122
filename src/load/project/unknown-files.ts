import { readdir } from "node:fs/promises";
import path from "node:path";
import { didYouMean } from "../validation/did-you-mean.ts";
import type { Problem } from "../validation/problem.ts";

/**
 * Reports CSV files in `data/` and folders in `content/` that the site does not read, so a
 * misnamed file (`request.csv`, `content/posts/`) is an error rather than silently missing data.
 */
export async function unknownFileProblems(
  root: string,
  dataFiles: readonly string[],
  contentFolders: readonly string[],
): Promise<Problem[]> {
  const list = (folder: string) => readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
  const problems: Problem[] = [];
  const knownCsv = dataFiles.map((file) => path.posix.basename(file));
  for (const entry of await list("data")) {
    if (!entry.isFile() || !/\.csv$/i.test(entry.name) || knownCsv.includes(entry.name)) continue;
    const expected = `one of ${knownCsv.join(", ")}${didYouMean(entry.name, knownCsv)}: other CSV files are not read`;
    problems.push({ file: `data/${entry.name}`, line: 1, column: 1, field: "file name", expected, found: entry.name });
  }
  const knownFolders = contentFolders.map((folder) => path.posix.basename(folder));
  for (const entry of await list("content")) {
    if (!entry.isDirectory() || knownFolders.includes(entry.name)) continue;
    const expected = `one of ${knownFolders.join(", ")}${didYouMean(entry.name, knownFolders)}: other folders are not read`;
    problems.push({
      file: `content/${entry.name}/`,
      line: 1,
      column: 1,
      field: "folder name",
      expected,
      found: entry.name,
    });
  }
  return problems;
}
