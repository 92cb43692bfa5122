import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { Problem } from "../validation/problem.ts";

/** The config key that lets posts run code, as editors read it in messages. */
const OPT_IN = "content.allowCode in src/site.config.ts";
const MAX_FOUND = 80;
/** An expression of block comments only, `{/* note *\/}`: MDX's way to write a comment, which runs nothing. */
const ONLY_COMMENTS = /^\s*(?:\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/\s*)*$/;

const shorten = (value: string): string => (value.length > MAX_FOUND ? `${value.slice(0, MAX_FOUND - 1)}…` : value);

/**
 * Reports the code in an MDX body: `import`/`export` lines, `{…}` expressions in the text and
 * `{…}` attribute values or `{...spread}` on tags. MDX runs each as JavaScript at build time, with
 * the build's access to files, environment and network, so content may hold none of them unless
 * the site opts in.
 */
export function codeProblems(tree: Root, file: string): Problem[] {
  const problems: Problem[] = [];
  visit(tree, (node) => {
    const at = { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, field: "body" };
    if (node.type === "mdxjsEsm") {
      // One problem per statement: a block of import and export lines is one node.
      const lines = node.value.split("\n");
      const statements = node.data?.estree?.body ?? [];
      for (const statement of statements.length > 0 ? statements : [undefined]) {
        const start = statement?.loc?.start;
        const line = start?.line ?? at.line;
        problems.push({
          ...at,
          line,
          column: start ? start.column + 1 : at.column,
          expected: `Markdown and the components of docs/writing.md, without import or export lines (they run code at build time; ${OPT_IN} allows them)`,
          found: shorten((lines[line - at.line] ?? "").trim()),
        });
      }
    } else if (
      (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") &&
      !ONLY_COMMENTS.test(node.value)
    ) {
      problems.push({
        ...at,
        expected: `text, not a JavaScript expression: write \\{ for a literal brace (${OPT_IN} allows expressions)`,
        found: shorten(`{${node.value}}`),
      });
    } else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      const lowercase = node.name !== null && /^[a-z]/.test(node.name);
      for (const attribute of node.attributes) {
        // Expression values on components are reported with the component's own attributes.
        const expression =
          attribute.type === "mdxJsxExpressionAttribute"
            ? `{${attribute.value}}`
            : lowercase && attribute.value !== null && typeof attribute.value === "object"
              ? `${attribute.name}={${attribute.value.value}}`
              : undefined;
        if (expression === undefined) continue;
        problems.push({
          ...at,
          expected: `attributes as plain text in quotes, like name="…" (${OPT_IN} allows expressions)`,
          found: shorten(expression),
        });
      }
    }
  });
  return problems;
}
