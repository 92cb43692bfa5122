import type { Element, Root, RootContent } from "hast";
import { raw } from "hast-util-raw";
import { sanitize } from "hast-util-sanitize";
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from "mdast-util-mdx-jsx";
import { find, html } from "property-information";
import type { VFile } from "vfile";
import { CONTENT_HTML_SCHEMA, attributeProblem, urlAttributeProblem } from "../../contract/content-html.ts";
import { isOutbound, outboundRel } from "../outbound-links.ts";

/** Options of `rehypeContentGuard`. */
export interface ContentGuardOptions {
  /** The site config's `content.allowCode`: whether MDX `import`, `export` and `{…}` expressions are kept. */
  allowCode: boolean;
}

/**
 * The allow-list as applied to rendered Markdown: the syntax highlighter's colours (`style` on
 * `pre` and `span`, checked again below) and its classes come before this step. Ids are kept as
 * written, since footnote links already carry their `user-content-` prefix.
 */
const RENDER_SCHEMA = {
  ...CONTENT_HTML_SCHEMA,
  clobber: [],
  attributes: {
    ...CONTENT_HTML_SCHEMA.attributes,
    pre: ["className", "style", "tabIndex", "dataLanguage"],
    span: ["className", "style"],
  },
};

const CODE_NODES = new Set(["mdxjsEsm", "mdxFlowExpression", "mdxTextExpression"]);
const JSX_NODES = new Set(["mdxJsxFlowElement", "mdxJsxTextElement"]);
/** A CSS value that could load something: `url(…)`, `image-set(…)`, `@import`. */
const LOADING_CSS = /url\s*\(|image-set|@import|expression\s*\(/i;

type JsxNode = MdxJsxFlowElementHast | MdxJsxTextElementHast;
type Parent = Root | Element | JsxNode;

const hasChildren = (node: RootContent | Root): node is Parent => "children" in node;

/** Removes, from a rendered element, URL attributes that load from another origin and styles that load anything. */
function guardElement(element: Element): void {
  for (const [property, value] of Object.entries(element.properties)) {
    const text = Array.isArray(value) ? value.join(" ") : String(value);
    if (property === "style" ? LOADING_CSS.test(text) : urlAttributeProblem(property, text) !== undefined)
      delete element.properties[property];
  }
}

/** The same allow-list on an MDX tree, whose tags are JSX: refused tags go (with their content when stripped). */
function guardMdx(parent: Parent, allowCode: boolean): void {
  const kept: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (CODE_NODES.has(child.type) && !allowCode) continue;
    if (JSX_NODES.has(child.type)) {
      const jsx = child as JsxNode;
      const name = jsx.name ?? "";
      if (/^[a-z]/.test(name)) {
        if (!(CONTENT_HTML_SCHEMA.tagNames ?? []).includes(name)) {
          if (!(CONTENT_HTML_SCHEMA.strip ?? []).includes(name) && hasChildren(jsx)) {
            guardMdx(jsx, allowCode);
            kept.push(...(jsx.children as RootContent[]));
          }
          continue;
        }
        jsx.attributes = jsx.attributes.filter((attribute) => {
          if (attribute.type !== "mdxJsxAttribute") return allowCode;
          const { name: attributeName, value } = attribute;
          if (value !== null && typeof value === "object") return allowCode;
          return attributeProblem(name, find(html, attributeName).property, value ?? "") === undefined;
        });
      } else if (!allowCode) {
        jsx.attributes = jsx.attributes.filter(
          (attribute) => attribute.type === "mdxJsxAttribute" && typeof attribute.value !== "object",
        );
      }
    }
    if (child.type === "element") guardElement(child);
    if (hasChildren(child)) guardMdx(child, allowCode);
    kept.push(child);
  }
  parent.children = kept;
}

/** Whether a tree holds MDX nodes (an MDX file compiled without a file name has no `.mdx` to tell). */
const hasMdxNodes = (node: Root | RootContent): boolean =>
  node.type.startsWith("mdx") || (hasChildren(node) && node.children.some(hasMdxNodes));

/** Whether a Markdown tree still holds raw HTML. */
const hasRawNodes = (node: Root | RootContent): boolean =>
  node.type === "raw" || (hasChildren(node) && node.children.some(hasRawNodes));

/** Runs `guardElement` over every element of a sanitized Markdown tree. */
function guardElements(node: Root | RootContent): void {
  if (node.type === "element") guardElement(node);
  if (hasChildren(node)) for (const child of node.children) guardElements(child);
}

/**
 * Defence in depth behind `validate`: limits every rendered post, page, write-up and author to the
 * content allow-list (`CONTENT_HTML_SCHEMA`). Markdown goes through rehype-sanitize after its raw
 * HTML is parsed; MDX, whose HTML is JSX that rehype-sanitize does not know, loses the refused
 * tags and attributes and, unless the site allows code, its `import`, `export` and expressions.
 * Nothing is loaded from another origin in either. Must run before the other rehype plugins.
 */
export function rehypeContentGuard(options: ContentGuardOptions) {
  return (tree: Root, file: VFile): Root => {
    if (file.extname === ".mdx" || hasMdxNodes(tree)) {
      guardMdx(tree, options.allowCode);
      return tree;
    }
    // Raw HTML is parsed here, before sanitizing; a body without any skips that second parse.
    const parsed = hasRawNodes(tree) ? raw(tree, { file }) : tree;
    const clean = sanitize(parsed, RENDER_SCHEMA) as Root;
    guardElements(clean);
    return clean;
  };
}

/** Options of `rehypeOutboundLinks`. */
export interface OutboundLinkOptions {
  /** The site's public address: links to it are not outbound. */
  site: string;
}

/** A hast `rel` property (a token list, or text) as the text `outboundRel` takes. */
const relText = (rel: unknown): string | undefined =>
  Array.isArray(rel) ? rel.map(String).join(" ") : typeof rel === "string" ? rel : undefined;

/**
 * Gives every link written in content that leads to another site `rel="noreferrer"`, so the site
 * it leads to never learns which page a reader came from. Handles Markdown links and `<a>` tags in
 * Markdown and MDX.
 */
export function rehypeOutboundLinks(options: OutboundLinkOptions) {
  const visit = (node: Root | RootContent): void => {
    if (node.type === "element" && node.tagName === "a") {
      const href = node.properties["href"];
      if (typeof href === "string" && isOutbound(href, options.site))
        node.properties["rel"] = outboundRel(href, options.site, relText(node.properties["rel"]))?.split(" ");
    } else if (JSX_NODES.has(node.type) && (node as JsxNode).name === "a") {
      const jsx = node as JsxNode;
      const attributes = jsx.attributes.filter((a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute");
      const href = attributes.find((a) => a.name === "href")?.value;
      if (typeof href === "string" && isOutbound(href, options.site)) {
        const rel = attributes.find((a) => a.name === "rel");
        const value = outboundRel(href, options.site, typeof rel?.value === "string" ? rel.value : undefined) ?? "";
        if (rel) rel.value = value;
        else jsx.attributes.push({ type: "mdxJsxAttribute", name: "rel", value });
      }
    }
    if (hasChildren(node)) for (const child of node.children) visit(child);
  };
  return (tree: Root): void => visit(tree);
}
