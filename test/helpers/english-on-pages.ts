import { readFileSync } from "node:fs";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { matches } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { SKIP, visit } from "unist-util-visit";
import { phrasesIn } from "./shipped-translator.ts";

/** Which elements a search leaves out, besides those marked with another language: a CSS selector. */
export interface ReaderTextOptions {
  /** Elements whose words another part of the site answers for (`figure, .chart`). */
  skip?: string | undefined;
}

/**
 * A page's words as a reader of its language `tag` meets them: the text of its `<body>` (scripts, styles and
 * templates left out) and its accessible names (aria-label, title, alt, placeholder), without the elements marked
 * as written in another language (a record's own text, an untranslated post) or matching `options.skip`.
 */
export function readerText(html: string, tag: string, options: ReaderTextOptions = {}): string {
  const tree: Root = fromHtml(html);
  const names: string[] = [];
  visit(tree, "element", (node: Element, index, parent) => {
    const lang = node.properties["lang"];
    const other = typeof lang === "string" && !lang.toLowerCase().startsWith(tag.toLowerCase());
    const left =
      other ||
      ["script", "style", "template", "head"].includes(node.tagName) ||
      (options.skip !== undefined && matches(options.skip, node));
    if (left && parent !== undefined && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const name of ["ariaLabel", "title", "alt", "placeholder"]) {
      const value = node.properties[name];
      if (typeof value === "string") names.push(value);
    }
    return undefined;
  });
  return [toText(tree), ...names].join("\n");
}

/** The English `phrases` a page in `tag` shows its reader (see `readerText`), as whole words. */
export function englishOnPage(
  file: string,
  tag: string,
  phrases: readonly string[],
  options?: ReaderTextOptions,
): string[] {
  return phrasesIn(readerText(readFileSync(file, "utf8"), tag, options), phrases);
}
