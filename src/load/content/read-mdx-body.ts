import { createProcessor } from "@mdx-js/mdx";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import type { Problem } from "../validation/problem.ts";
import { splitFrontmatter } from "./read-frontmatter.ts";

const processor = createProcessor({ remarkPlugins: [remarkGfm] });

interface PositionedError {
  reason?: string;
  message?: string;
  line?: number | null;
  column?: number | null;
}

/** A capitalised JSX element in an MDX body: its name, plain-string attributes and where it stands. */
export interface JsxUsage {
  name: string;
  /** Attribute values; `undefined` for an attribute written as an expression (`{…}`) or without a value. */
  attributes: Record<string, string | undefined>;
  line: number;
  column: number;
}

/** What reading an MDX body found: syntax problems, the components it uses and the names it imports. */
export interface MdxBody {
  problems: Problem[];
  usages: JsxUsage[];
  /** Names bound by `import` lines in the file. */
  imported: Set<string>;
}

/** Replaces the frontmatter with blank lines, so positions in the body stay those of the file. */
function bodyOf(text: string): string {
  const block = splitFrontmatter(text);
  const lines = text.split(/\r?\n/);
  const bodyStart = block ? block.yaml.split("\n").length + 2 : 0;
  return lines.map((line, index) => (index < bodyStart ? "" : line)).join("\n");
}

/**
 * Parses the body of an MDX file the way the build will, so a stray `{` or an unclosed `<tag>` is
 * reported with its line and column instead of failing the build; also lists its components.
 */
export function readMdxBody(source: string, file: string): MdxBody {
  const empty: MdxBody = { problems: [], usages: [], imported: new Set() };
  if (!file.endsWith(".mdx")) return empty;
  const text = source.replace(/^\uFEFF/, "");
  let tree: Root;
  try {
    tree = processor.parse(bodyOf(text));
  } catch (error) {
    const { reason, message, line, column } = error as PositionedError;
    const at = line ?? 1;
    const expected = `valid MDX (${reason ?? message ?? "unreadable"}; write \\{ for a literal brace and &lt; for a literal <)`;
    return {
      ...empty,
      problems: [
        {
          file,
          line: at,
          column: column ?? 1,
          field: "body",
          expected,
          found: (text.split(/\r?\n/)[at - 1] ?? "").trim(),
        },
      ],
    };
  }
  const usages: JsxUsage[] = [];
  const imported = new Set<string>();
  visit(tree, (node) => {
    if (node.type === "mdxjsEsm") {
      for (const match of node.value.matchAll(/import\s+(?:\{([^}]*)\}|(\w+))/g)) {
        for (const name of (match[1] ?? match[2] ?? "").split(","))
          imported.add(
            name
              .trim()
              .split(/\s+as\s+/)
              .pop() ?? "",
          );
      }
    }
    if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
    if (!node.name || !/^[A-Z]/.test(node.name)) return;
    const attributes: Record<string, string | undefined> = {};
    for (const attribute of node.attributes) {
      if (attribute.type !== "mdxJsxAttribute") continue;
      attributes[attribute.name] = typeof attribute.value === "string" ? attribute.value : undefined;
    }
    usages.push({
      name: node.name,
      attributes,
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
    });
  });
  return { problems: [], usages, imported };
}

/** Ids of the records a body shows with `<Record id>` or `<Status id>` (each once, in order); they count as related. */
export function recordMentions(usages: readonly JsxUsage[]): string[] {
  return [
    ...new Set(
      usages.filter((u) => u.name === "Record" || u.name === "Status").flatMap((u) => u.attributes["id"] ?? []),
    ),
  ];
}
