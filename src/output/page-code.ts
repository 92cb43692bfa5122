import { parse, type DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
type Template = DefaultTreeAdapterTypes.Template;

/** A place in a page's HTML source: line and column start at 1. */
export interface SourcePlace {
  line: number;
  column: number;
}

/** An inline `<script>` the browser would run, with its text as the browser hashes it (line ends normalised). */
export interface InlineScript extends SourcePlace {
  text: string;
}

/** Code in an attribute: an event handler (`onerror="…"`) or a `javascript:` URL. */
export interface AttributeCode extends SourcePlace {
  kind: "event handler" | "javascript: URL";
  /** The element and attribute, e.g. `img onerror`. */
  where: string;
  value: string;
}

/** Everything in a page that a Content-Security-Policy has to allow or forbid, found by an HTML parser. */
export interface PageCode {
  /** Inline scripts the browser runs, in document order. */
  scripts: InlineScript[];
  /** The text of every inline `<style>` element, in document order. */
  styles: string[];
  /** Event-handler attributes and `javascript:` URLs, in document order. */
  attributeCode: AttributeCode[];
  /**
   * Where elements that must come before any script or style go: right after a leading
   * `<meta charset>` in `<head>`, else right after the `<head>` start tag; undefined when the page has
   * no `<head>` start tag.
   */
  headInsertAt: number | undefined;
}

// Script types that are data, never run, so a Content-Security-Policy does not apply to them.
const DATA_SCRIPT_TYPES = new Set(["application/ld+json", "application/json"]);

// Attributes whose value is a URL the browser may navigate to or load (HTML, SVG and XLink).
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"]);

/** Whether a URL, read the way a browser reads it (leading controls and spaces, tabs and line breaks ignored), runs script. */
export function isJavascriptUrl(value: string): boolean {
  // The URL parser strips leading and trailing C0 controls and spaces, and removes every tab and line break.
  // eslint-disable-next-line no-control-regex -- exactly the characters the URL standard strips
  const url = value.replace(/^[\u0000-\u0020]+/, "").replace(/[\t\n\r]/g, "");
  return /^javascript:/i.test(url);
}

const isElement = (node: Node): node is Element => "tagName" in node;

const isTemplate = (element: Element): element is Template => element.tagName === "template" && "content" in element;

const textOf = (element: Element): string =>
  element.childNodes.map((child) => ("value" in child && child.nodeName === "#text" ? child.value : "")).join("");

const placeOf = (element: Element): SourcePlace => ({
  line: element.sourceCodeLocation?.startLine ?? 0,
  column: element.sourceCodeLocation?.startCol ?? 0,
});

function headInsertAt(document: DefaultTreeAdapterTypes.Document): number | undefined {
  const html = document.childNodes.find(isElement);
  const head = html?.childNodes.find((node): node is Element => isElement(node) && node.tagName === "head");
  const startTag = head?.sourceCodeLocation?.startTag;
  if (!head || !startTag) return undefined;
  const first = head.childNodes.find(isElement);
  const charset = first?.tagName === "meta" && first.attrs.some((attr) => attr.name === "charset");
  return charset ? first.sourceCodeLocation?.endOffset : startTag.endOffset;
}

/**
 * The inline code of a built page, read with parse5 (the WHATWG HTML parser), so markup that only looks
 * like a script (`<meta content="</script><script>…">`, a script in a comment) is never taken for one,
 * and a script the browser would run is never missed (in SVG, in `<template>`, with any casing).
 */
export function readPageCode(html: string): PageCode {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const code: PageCode = { scripts: [], styles: [], attributeCode: [], headInsertAt: headInsertAt(document) };
  const visit = (node: Node): void => {
    if (isElement(node)) {
      const attrs = new Map(node.attrs.map((attr) => [attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name, attr]));
      if (node.tagName === "script" && !attrs.has("src")) {
        const type = attrs.get("type")?.value.trim().toLowerCase() ?? "";
        if (!DATA_SCRIPT_TYPES.has(type)) code.scripts.push({ text: textOf(node), ...placeOf(node) });
      }
      if (node.tagName === "style") code.styles.push(textOf(node));
      for (const [name, { value }] of attrs) {
        const where = `${node.tagName} ${name}`;
        const place = node.sourceCodeLocation?.attrs?.[name];
        const at = place ? { line: place.startLine, column: place.startCol } : placeOf(node);
        if (/^on/i.test(name)) code.attributeCode.push({ kind: "event handler", where, value, ...at });
        else if (URL_ATTRIBUTES.has(name) && isJavascriptUrl(value))
          code.attributeCode.push({ kind: "javascript: URL", where, value, ...at });
      }
      if (isTemplate(node)) visit(node.content);
    }
    if ("childNodes" in node) for (const child of node.childNodes) visit(child);
  };
  visit(document);
  return code;
}
