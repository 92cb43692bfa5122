import type { Root } from "hast";
import { find, html } from "property-information";
import { visit } from "unist-util-visit";
import {
  CONTENT_HTML_SCHEMA,
  LINK_PROPERTIES,
  LOADED_URL_PROPERTIES,
  isSameOriginUrl,
  urlScheme,
} from "../../contract/content-html.ts";
import type { Problem } from "../validation/problem.ts";

/** An HTML element as written in a content file, whether raw HTML in Markdown or a lowercase JSX tag in MDX. */
export interface WrittenElement {
  tagName: string;
  /** Each attribute by its hast property name (`onError`, `className`), with its value; `undefined` for a `{…}` value. */
  attributes: { property: string; value: string | undefined }[];
  line: number;
  column: number;
}

const text = (value: unknown): string =>
  Array.isArray(value) ? value.join(" ") : value === true ? "" : String(value);

/** The elements a body tree holds: hast elements and, in MDX, JSX tags written in lower case. */
export function writtenElements(tree: Root): WrittenElement[] {
  const found: WrittenElement[] = [];
  visit(tree, (node) => {
    const at = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
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

/** Whether the schema allows `property` with `value` on `tagName`, the way rehype-sanitize decides. */
function attributeAllowed(tagName: string, property: string, value: string | undefined): boolean {
  const lists = CONTENT_HTML_SCHEMA.attributes ?? {};
  for (const definition of [...(lists[tagName] ?? []), ...(lists["*"] ?? [])]) {
    if (typeof definition === "string") {
      if (definition === property) return true;
      continue;
    }
    const [key, ...values] = definition;
    if (key !== property) continue;
    if (values.length === 0 || value === undefined) return true;
    const tokens = property === "className" ? value.split(/\s+/).filter(Boolean) : [value];
    if (tokens.every((token) => values.some((v) => (v instanceof RegExp ? v.test(token) : String(v) === token))))
      return true;
  }
  return false;
}

/** The URLs of an attribute value: one, or each candidate of a `srcset`. */
const urlsOf = (property: string, value: string): string[] =>
  property === "srcSet" ? value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "") : [value];

/** What is wrong with one attribute, as the `expected` of a problem; undefined when it is fine. */
function attributeProblem(tagName: string, property: string, value: string | undefined): string | undefined {
  if (/^on/i.test(property)) return "no event attribute: content is text and runs no scripts";
  if (value !== undefined && (LOADED_URL_PROPERTIES as readonly string[]).includes(property)) {
    if (!urlsOf(property, value).every(isSameOriginUrl))
      return `${find(html, property).attribute} naming a file of the site itself, like /images/map.png: a page loads nothing from another origin`;
  }
  if (value !== undefined && (LINK_PROPERTIES as readonly string[]).includes(property)) {
    const scheme = urlScheme(value);
    const allowed = CONTENT_HTML_SCHEMA.protocols?.[property] ?? [];
    if (scheme !== undefined && !allowed.includes(scheme))
      return `a link starting with ${allowed.map((p) => `${p}:`).join(", ")} or /`;
  }
  if (!attributeAllowed(tagName, property, value))
    return `only the attributes allowed on <${tagName}> (see "HTML in posts" in docs/writing.md)`;
  return undefined;
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
