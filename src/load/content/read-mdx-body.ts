import { createProcessor } from "@mdx-js/mdx";
import type { Root as HastRoot } from "hast";
import { raw } from "hast-util-raw";
import type { Root } from "mdast";
import { toHast } from "mdast-util-to-hast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { EXIT, visit } from "unist-util-visit";
import { VFile } from "vfile";
import type { Problem } from "../validation/problem.ts";
import { codeProblems } from "./code-problems.ts";
import { htmlProblems } from "./html-problems.ts";
import { splitFrontmatter } from "./read-frontmatter.ts";

const mdxProcessor = createProcessor({ remarkPlugins: [remarkGfm] });
const markdownProcessor = unified().use(remarkParse).use(remarkGfm);
/** MDX nodes kept as they are when a body becomes HTML, so their tags are checked with the rest. */
const MDX_NODE_TYPES = [
  "mdxjsEsm",
  "mdxFlowExpression",
  "mdxTextExpression",
  "mdxJsxFlowElement",
  "mdxJsxTextElement",
] as const;

/** How content may be written. */
export interface BodyOptions {
  /** Whether MDX may hold `import`, `export` and `{…}` expressions (the site config's `content.allowCode`). */
  allowCode?: boolean;
}

/** The HTML a Markdown or MDX body becomes, raw HTML parsed into elements, positions those of the file. */
function htmlTree(tree: Root, body: string): HastRoot {
  const hast = toHast(tree, { allowDangerousHtml: true, passThrough: [...MDX_NODE_TYPES] }) as HastRoot;
  // Only Markdown has raw HTML (MDX writes tags as JSX); parsing it again costs as much as the
  // parse itself, so a body without any skips it. The file gives raw HTML its line and column.
  let hasRaw = false;
  visit(tree, "html", () => {
    hasRaw = true;
    return EXIT;
  });
  return hasRaw ? (raw(hast, { passThrough: [...MDX_NODE_TYPES], file: new VFile(body) }) as HastRoot) : hast;
}

/** What an MDX parser error carries: its reason and, for most errors, the place it was found. */
export interface PositionedError {
  reason?: string;
  message?: string;
  line?: number | null;
  column?: number | null;
}

/** The opening tag's place in an "Expected a closing tag for `<div>` (10:1-10:6)" message of mdast-util-mdx-jsx. */
const OPEN_TAG_PLACE = / \((\d+):(\d+)-\d+:\d+\)/;

/**
 * Where an MDX syntax error is, and its reason without the place. A tag left open until the end of the
 * file comes without a place of its own (it would be line 1), so it is reported at the opening tag,
 * which its message names: `Expected a closing tag for \`<div>\` before the end of the file`.
 */
export function mdxSyntaxError(error: PositionedError): { reason: string; line: number; column: number } {
  const reason = error.reason ?? error.message ?? "unreadable";
  const tag = OPEN_TAG_PLACE.exec(reason);
  if (!tag) return { reason, line: error.line ?? 1, column: error.column ?? 1 };
  const withoutPlace = reason.replace(OPEN_TAG_PLACE, "");
  return {
    reason: error.line == null ? `${withoutPlace} before the end of the file` : withoutPlace,
    line: Number(tag[1]),
    column: Number(tag[2]),
  };
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
 * Parses the body of a Markdown or MDX file the way the build will, so a stray `{` or an unclosed
 * `<tag>` is reported with its line and column instead of failing the build; reports code
 * (unless `allowCode`) and HTML that is not on the allow-list; lists the components it uses.
 */
export function readMdxBody(source: string, file: string, options: BodyOptions = {}): MdxBody {
  const empty: MdxBody = { problems: [], usages: [], imported: new Set() };
  const text = source.replace(/^\uFEFF/, "");
  if (file.endsWith(".md")) {
    const body = bodyOf(text);
    return { ...empty, problems: htmlProblems(htmlTree(markdownProcessor.parse(body), body), file) };
  }
  const body = bodyOf(text);
  let tree: Root;
  try {
    tree = mdxProcessor.parse(body);
  } catch (error) {
    const { reason, line, column } = mdxSyntaxError(error as PositionedError);
    const expected = `valid MDX (${reason}; write \\{ for a literal brace and &lt; for a literal <)`;
    return {
      ...empty,
      problems: [
        {
          file,
          line,
          column,
          field: "body",
          expected,
          found: (text.split(/\r?\n/)[line - 1] ?? "").trim(),
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
  const problems = [
    ...(options.allowCode ? [] : codeProblems(tree, file)),
    ...htmlProblems(htmlTree(tree, body), file),
  ];
  return { problems, usages, imported };
}

/** Ids of the records a body shows with `<Record id>` or `<Status id>` (each once, in order); they count as related. */
export function recordMentions(usages: readonly JsxUsage[]): string[] {
  return [
    ...new Set(
      usages.filter((u) => u.name === "Record" || u.name === "Status").flatMap((u) => u.attributes["id"] ?? []),
    ),
  ];
}
