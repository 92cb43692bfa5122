import type { Problem } from "../validation/problem.ts";

/** How to save a spreadsheet so that Vitrine can read it, for messages about encodings. */
export const SAVE_AS_UTF8 =
  'in Excel, File › Save As › "CSV UTF-8 (Comma delimited)"; in LibreOffice, File › Save As › Text CSV, "Edit filter settings", Character set "Unicode (UTF-8)"';

/** The text of a data file, or the one problem that stops it being read. */
export type DecodedText = { text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" } | { problem: Problem };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

/** Whether a streaming UTF-8 decoder meets a byte that can start no valid sequence within `bytes[0, end)`. */
function invalidBefore(bytes: Uint8Array, end: number): boolean {
  try {
    // stream: an unfinished sequence at the end is waited for, so only a definitely bad byte throws.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
    return false;
  } catch {
    return true;
  }
}

/** Index of the first byte that makes `bytes` invalid UTF-8 (or that starts a sequence the file cuts short). */
function firstBadByte(bytes: Uint8Array): number {
  if (!invalidBefore(bytes, bytes.length)) {
    // Valid up to the end, but the last sequence is unfinished: find its lead byte.
    let index = bytes.length - 1;
    while (index > 0 && ((bytes[index] ?? 0) & 0xc0) === 0x80) index--;
    return index;
  }
  // Once a prefix is invalid every longer prefix is: a binary search finds the shortest one.
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (invalidBefore(bytes, middle)) high = middle;
    else low = middle + 1;
  }
  return leadOfUnfinished(bytes, low - 1);
}

/** The byte a decoder stopped at, or the lead byte of the sequence it interrupts (`é` as Windows-1252 before `n`). */
function leadOfUnfinished(bytes: Uint8Array, stop: number): number {
  let lead = stop - 1;
  while (lead >= 0 && lead > stop - 4 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
  const byte = bytes[lead] ?? 0;
  const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead >= 0 && lead + length > stop ? lead : stop;
}

/** How to save a text file (a post, a page) as UTF-8, for messages about encodings. */
export const SAVE_TEXT_AS_UTF8 =
  'in your editor, save it with the encoding UTF-8 (VS Code: "Save with Encoding" › UTF-8; Notepad: Save As › Encoding UTF-8)';

/** Where a file in another encoding may come from, and how to save it as UTF-8. */
interface EncodingAdvice {
  origin: string;
  howToSave: string;
}

const SPREADSHEET_ADVICE: EncodingAdvice = {
  origin: `, as Excel's plain "CSV (Comma delimited)" writes it`,
  howToSave: SAVE_AS_UTF8,
};

/** The problem of a file that is not UTF-8: line and character column of its first bad byte, and that byte. */
function notUtf8Problem(bytes: Uint8Array, file: string, advice: EncodingAdvice): Problem {
  const bad = firstBadByte(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
  const line = bytes.subarray(0, lineStart).filter((byte) => byte === 0x0a).length + 1;
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, bad)).replace(/\r$/, "");
  const byte = bytes[bad] ?? 0;
  const hex = byte.toString(16).toUpperCase().padStart(2, "0");
  const asWindows = new TextDecoder("windows-1252").decode(bytes.subarray(bad, bad + 1));
  const context = before.length > 20 ? `…${before.slice(-20)}` : before;
  return {
    file,
    line,
    column: [...before].length + 1,
    field: "encoding",
    expected: `a file saved as UTF-8 (this one is not: byte 0x${hex} is "${asWindows}" in Windows-1252${advice.origin}); ${advice.howToSave}`,
    found: `byte 0x${hex} after "${context}"`,
  };
}

/** Whether the first line of a file without BOM has NUL bytes every other byte: UTF-16 saved without its mark. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 64));
  const zeros = head.filter((byte) => byte === 0).length;
  return head.length >= 4 && zeros * 3 >= head.length;
}

/**
 * Decodes the bytes of a CSV file as spreadsheets save it: UTF-8 with or without BOM (the BOM is
 * dropped), or UTF-16 with its BOM (Excel's "Unicode text"). Anything else, such as Windows-1252 from
 * Excel's plain "CSV (Comma delimited)", is refused with one problem at its first bad byte: text is
 * never read with replacement characters.
 */
export function decodeCsv(bytes: Uint8Array, file: string): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    try {
      return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes), encoding };
    } catch {
      const problem: Problem = {
        file,
        line: 1,
        column: 1,
        field: "encoding",
        expected: `a file saved as UTF-8, or complete UTF-16 text; ${SAVE_AS_UTF8}`,
        found: `UTF-16 text that is cut short or damaged`,
      };
      return { problem };
    }
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  if (looksLikeUtf16WithoutBom(body)) {
    const problem: Problem = {
      file,
      line: 1,
      column: 1,
      field: "encoding",
      expected: `a file saved as UTF-8; ${SAVE_AS_UTF8}`,
      found: "UTF-16 text without its byte-order mark",
    };
    return { problem };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { problem: notUtf8Problem(body, file, SPREADSHEET_ADVICE) };
  }
}

/**
 * Decodes a text file of `content/` (Markdown, MDX) that must be UTF-8, with or without BOM (dropped):
 * the text, or one problem at the first byte that is not UTF-8. Never replacement characters.
 */
export function decodeUtf8Text(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    return { problem: notUtf8Problem(body, file, { origin: "", howToSave: SAVE_TEXT_AS_UTF8 }) };
  }
}
