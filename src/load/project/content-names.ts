import { readdir } from "node:fs/promises";
import path from "node:path";
import { reservedContentNames } from "../../model/routes.ts";
import type { Problem } from "../validation/problem.ts";

/** A content file by its name without extension (its id, the last part of its address). */
export interface NamedFile {
  id: string;
  file: string;
}

/**
 * Reports pages and posts whose name is that of another route (`content/pages/search.mdx` would
 * be `/search/`, `content/blog/archive.mdx` `/blog/archive/`), of a language's segment
 * (`content/pages/ru.mdx` would be `/ru/`, the site in Russian: `languagePaths`) or of a file in
 * `public/`, instead of one of the two silently replacing the other.
 */
export async function reservedNameProblems(
  root: string,
  pages: readonly NamedFile[],
  posts: readonly NamedFile[],
  languagePaths: readonly string[] = [],
): Promise<Problem[]> {
  const reserved = reservedContentNames();
  const publicNames = (await readdir(path.join(root, "public")).catch(() => [] as string[])).map((name) =>
    name.replace(/\.[^.]*$/, "").toLowerCase(),
  );
  const problem = (entry: NamedFile, taken: readonly string[], where: string): Problem[] =>
    taken.includes(entry.id)
      ? [
          {
            file: entry.file,
            line: 1,
            column: 1,
            field: "file name",
            expected: `a name that is not ${where} (${taken.join(", ")}): its page would take the place of the site's own`,
            found: path.posix.basename(entry.file),
          },
        ]
      : [];
  return [
    ...pages.flatMap((page) => [
      ...problem(page, reserved.pages, "used by another page at the site's root"),
      ...problem(page, languagePaths, "the segment of one of the site's languages, whose pages are served under it"),
      ...problem(page, publicNames, "a file in public/"),
    ]),
    ...posts.flatMap((post) => problem(post, reserved.posts, "used by another page under /blog/")),
  ];
}
