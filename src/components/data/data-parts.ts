import type { RichPart } from "../../astro/i18n.ts";

/** Code in a message of the open-data pages: a file name or a literal value, linked when it has an `href`. */
export interface DataPart {
  kind: "code";
  text: string;
  href?: string | undefined;
  rel?: string | undefined;
}

/** A part of a message of the open-data pages, as `DataText.astro` renders it. */
export type DataTextPart = RichPart | DataPart;

/** The words of a tag's content. */
const chunkText = (chunks: readonly (string | DataTextPart)[]): string =>
  chunks
    .map((chunk) => (typeof chunk === "string" ? chunk : "text" in chunk ? chunk.text : chunkText(chunk.parts)))
    .join("");

/** A file name or literal as code in a message: `code("status.json", href("status.json"))`. */
export const code = (text: string, href?: string, rel?: string): DataPart => ({ kind: "code", text, href, rel });

/** The function a message's `<code>…</code>` tag is given: its content as code. */
export const codeTag = (chunks: (string | DataTextPart)[]): DataPart => code(chunkText(chunks));

/** The function a message's `<strong>…</strong>` tag is given. */
export const strongTag = (chunks: (string | DataTextPart)[]): DataTextPart => ({
  kind: "strong",
  text: chunkText(chunks),
});

/** The function a message's link tag (`<page>…</page>`) is given: its content as a link to `target`. */
export const dataLink =
  (target: string, rel?: string) =>
  (chunks: (string | DataTextPart)[]): DataTextPart => ({ kind: "link", href: target, rel, text: chunkText(chunks) });
