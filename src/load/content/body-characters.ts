import { findRefusedCharacter, refusedCharacterMessage } from "../../contract/fields/text-characters.ts";
import type { Problem } from "../validation/problem.ts";

/**
 * The first control character in the body of a Markdown file (what follows its frontmatter), at its
 * line and column in the file; none when the body is clean. The frontmatter's own text is checked by its schema.
 */
export function bodyCharacterProblems(source: string, file: string): Problem[] {
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(source);
  const offset = frontmatter ? frontmatter[0].length : 0;
  const body = source.slice(offset);
  const found = findRefusedCharacter(body, false);
  if (!found) return [];
  const before = source.slice(0, offset + [...body].slice(0, found.position - 1).join("").length);
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineEnd = source.indexOf("\n", lineStart);
  return [
    {
      file,
      line: before.split("\n").length,
      column: [...before.slice(lineStart)].length + 1,
      field: "text",
      expected: refusedCharacterMessage(found, "of the text"),
      found: source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, ""),
    },
  ];
}
