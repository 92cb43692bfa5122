import { createProcessor } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import type { Problem } from "../validation/problem.ts";
import { splitFrontmatter } from "./read-frontmatter.ts";

const processor = createProcessor({ remarkPlugins: [remarkGfm] });

interface PositionedError {
  reason?: string;
  message?: string;
  line?: number | null;
  column?: number | null;
}

/**
 * Parses the body of an MDX file (the part after the frontmatter) the way the build will, so a
 * stray `{` or an unclosed `<tag>` is reported with its line and column instead of failing the build.
 */
export function checkMdxBody(source: string, file: string): Problem[] {
  if (!file.endsWith(".mdx")) return [];
  const text = source.replace(/^\uFEFF/, "");
  const block = splitFrontmatter(text);
  // Blank out the frontmatter but keep its lines, so positions stay those of the file.
  const lines = text.split(/\r?\n/);
  const bodyStart = block ? block.yaml.split("\n").length + 2 : 0;
  const body = lines.map((line, index) => (index < bodyStart ? "" : line)).join("\n");
  try {
    processor.parse(body);
    return [];
  } catch (error) {
    const { reason, message, line, column } = error as PositionedError;
    const at = line ?? 1;
    return [
      {
        file,
        line: at,
        column: column ?? 1,
        field: "body",
        expected: `valid MDX (${reason ?? message ?? "unreadable"}; write \\{ for a literal brace and &lt; for a literal <)`,
        found: (lines[at - 1] ?? "").trim(),
      },
    ];
  }
}
