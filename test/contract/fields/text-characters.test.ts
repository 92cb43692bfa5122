import { describe, expect, it } from "vitest";
import {
  describeCharacter,
  escapeRefused,
  findRefusedCharacter,
} from "../../../src/contract/fields/text-characters.ts";
import { line, network, text } from "../../../src/contract/fields/csv-fields.ts";
import { words } from "../../../src/contract/fields/frontmatter-fields.ts";

describe("characters refused in text", () => {
  it.each([
    ["\u0000", "U+0000 null (NUL)"],
    ["\u000B", "U+000B vertical tab (what Word leaves for a line break)"],
    ["\u000C", "U+000C form feed (a page break)"],
    ["\u001B", "U+001B escape"],
    ["\u0001", "U+0001 control character"],
    ["\u007F", "U+007F delete (DEL)"],
    ["\u0085", "U+0085 next line (NEL)"],
    ["\u009F", "U+009F control character"],
  ])("refuses %j anywhere, named %s", (char, name) => {
    expect(findRefusedCharacter(`ab${char}c`, false)).toEqual({
      codePoint: char.codePointAt(0),
      position: 3,
      linesBefore: 0,
    });
    expect(describeCharacter(char.codePointAt(0) ?? 0)).toBe(name);
  });

  it("allows tab, line feed and carriage return", () => {
    expect(findRefusedCharacter("a\tb\r\nc\nd", false)).toBeUndefined();
  });

  it.each(["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"])(
    "refuses the direction control %j in one-line text only",
    (char) => {
      expect(findRefusedCharacter(`report ${char}fdp.exe`, true)).toMatchObject({ position: 8 });
      expect(findRefusedCharacter(`report ${char}fdp.exe`, false)).toBeUndefined();
    },
  );

  it("allows the zero-width non-joiner Persian needs, and the joiner", () => {
    expect(findRefusedCharacter("نامه\u200Cای", true)).toBeUndefined();
    expect(findRefusedCharacter("👩\u200D💻", true)).toBeUndefined();
    expect(line().safeParse("می\u200Cخواهم").success).toBe(true);
  });

  it("counts positions in characters and lines within a multi-line cell", () => {
    expect(findRefusedCharacter("😀 one\ntwo\u000B", false)).toEqual({ codePoint: 0x0b, position: 10, linesBefore: 1 });
  });

  it("escapes refused characters for printing, keeping everything else", () => {
    expect(escapeRefused("a\u0000b\u202Ec\u200Cd")).toBe("a\\u0000b\\u202Ec\u200Cd");
  });

  it("a one-line field names the direction control; a multi-line field takes it", () => {
    const result = line().safeParse("Parquet \u202Efdp.exe");
    expect(result.error?.issues[0]?.message).toBe(
      "text without direction controls in a one-line text: remove the U+202E right-to-left override at character 9 of the cell",
    );
    expect(text().safeParse("Parquet \u202Efdp.exe").success).toBe(true);
  });

  it("a network name is one line too", () => {
    expect(network().safeParse("AS12389 Rostelecom").success).toBe(true);
    expect(network().safeParse("AS12389 \u202Emocelets").error?.issues[0]?.message).toBe(
      "text without direction controls in a one-line text: remove the U+202E right-to-left override at character 9 of the cell",
    );
  });

  it("frontmatter text is one line of at most 300 characters unless a key says otherwise", () => {
    expect(words().safeParse("x".repeat(300)).success).toBe(true);
    expect(words().safeParse("x".repeat(301)).error?.issues[0]?.message).toBe(
      "some text of at most 300 characters (this has 301)",
    );
    expect(words(280, { multiline: true }).safeParse("A bio \u202Ewith a direction control").success).toBe(true);
    expect(words(280, { multiline: true }).safeParse("A bio\u0000").success).toBe(false);
  });
});
