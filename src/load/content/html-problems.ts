import type { Root } from "hast";
import type { Point } from "unist";
import { find, html } from "property-information";
import { visit } from "unist-util-visit";
import { CONTENT_HTML_SCHEMA, attributeProblem } from "../../contract/content-html.ts";
import type { Problem } from "../validation/problem.ts";

/** An HTML element as written in a content file, whether raw HTML in Markdown or a lowercase JSX tag in MDX. */
export interface WrittenElement {
  tagName: string;
  /** Each attribute by its hast property name (`onError`, `className`), with its value; `undefined` for a `{…}` value. */
  attributes: { property: string; value: string | undefined }[];
  line: number;
  column: number;
}

const text = (value: unknown): string => (Array.isArray(value) ? value.join(" ") : value === true ? "" : String(value));

/** The elements a body tree holds: hast elements and, in MDX, JSX tags written in lower case. */
export function writtenElements(tree: Root): WrittenElement[] {
  const found: WrittenElement[] = [];
  visit(tree, (node) => {
    // Elements the HTML parser adds itself (a <tbody>) have no position: they take their parent's.
    const start: Partial<Point> = node.position?.start ?? {};
    const at = { line: start.line ?? 1, column: start.column ?? 1 };
    if (node.type === "element") {
      const element = node;
      const attributes = Object.entries(element.properties)
        .filter(([, value]) => value !== undefined && value !== null && value !== false)
        .map(([property, value]) => ({ property, value: text(value) }));
      found.push({ tagName: element.tagName, attributes, ...at });
    } else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      const jsx = node;
      if (!jsx.name || !/^[a-z]/.test(jsx.name)) return;
      const attributes = jsx.attributes.flatMap((a) =>
        a.type === "mdxJsxAttribute"
          ? [
              {
                property: find(html, a.name).property,
                value: typeof a.value === "string" || a.value === null ? (a.value ?? "") : undefined,
              },
            ]
          : [],
      );
      found.push({ tagName: jsx.name, attributes, ...at });
    }
  });
  return found;
}

/**
 * Reports every element and attribute of a body that is not on the content allow-list
 * (`CONTENT_HTML_SCHEMA`): script, iframe, style and other elements, event attributes,
 * `javascript:` links, and files loaded from another origin, each with its line and column.
 */
export function htmlProblems(tree: Root, file: string): Problem[] {
  const allowedTags = new Set(CONTENT_HTML_SCHEMA.tagNames ?? []);
  const problems: Problem[] = [];
  for (const element of writtenElements(tree)) {
    const at = { file, line: element.line, column: element.column, field: "body" };
    if (!allowedTags.has(element.tagName)) {
      problems.push({
        ...at,
        expected:
          'only the HTML elements listed under "HTML in posts" in docs/writing.md (no script, iframe, object, embed, form or style element)',
        found: `<${element.tagName}>`,
      });
      continue;
    }
    for (const { property, value } of element.attributes) {
      const expected = attributeProblem(element.tagName, property, value);
      const name = find(html, property).attribute;
      if (expected) problems.push({ ...at, expected, found: value === undefined ? name : `${name}="${value}"` });
    }
  }
  return problems;
}
