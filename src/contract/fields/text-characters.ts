/**
 * Characters refused in text: C0 controls but tab, line feed and carriage return (NUL, the vertical
 * tab Word leaves for a line break, escape…), DEL and the C1 controls. They break feeds (XML refuses
 * them) and show as nothing or as boxes.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): in a one-line
 * text they can make `gpj.exe` show as `exe.jpg`. The joiners (U+200C, which Persian needs, and
 * U+200D) are no such characters and stay allowed.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

const CONTROL_OR_BIDI = new RegExp(`${CONTROL.source}|${BIDI_CONTROL.source}`, "u");

const NAMES: Readonly<Record<number, string>> = {
  0x00: "null (NUL)",
  0x07: "bell",
  0x08: "backspace",
  0x0b: "vertical tab (what Word leaves for a line break)",
  0x0c: "form feed (a page break)",
  0x1b: "escape",
  0x7f: "delete (DEL)",
  0x85: "next line (NEL)",
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
};

/** A character as an editor can look it up: `U+000B vertical tab (…)`. */
export function describeCharacter(codePoint: number): string {
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  return `${code} ${NAMES[codePoint] ?? "control character"}`;
}

/** A refused character found in a text: its code point, its place (1-based, in characters) and its line within the text. */
export interface RefusedCharacter {
  codePoint: number;
  /** 1-based position among the text's characters (code points). */
  position: number;
  /** 0-based count of line breaks before it. */
  linesBefore: number;
}

/**
 * The first character refused in `text`: a control character anywhere, and in a one-line text
 * (`singleLine`) also a bidirectional control. Undefined when the text is clean.
 */
export function findRefusedCharacter(text: string, singleLine: boolean): RefusedCharacter | undefined {
  const match = (singleLine ? CONTROL_OR_BIDI : CONTROL).exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  return {
    codePoint: match[0].codePointAt(0) ?? 0,
    position: [...before].length + 1,
    linesBefore: before.split("\n").length - 1,
  };
}

/** What an editor must do about a refused character, for messages. */
export function refusedCharacterMessage(found: RefusedCharacter, where = "of the text"): string {
  const kind = found.codePoint >= 0x2000 ? "direction controls in a one-line text" : "control characters";
  return `text without ${kind}: remove the ${describeCharacter(found.codePoint)} at character ${found.position} ${where}`;
}

/** Shows refused and invisible characters as `\u000B` so that a message prints them, never runs them in a terminal. */
export function escapeRefused(text: string): string {
  return text.replace(
    new RegExp(`${CONTROL.source}|${BIDI_CONTROL.source}`, "gu"),
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}
