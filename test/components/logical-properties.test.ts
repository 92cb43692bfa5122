import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/fixture-site.ts";

/** The package's CSS: its stylesheets, and the `<style>` blocks of its components, layouts and routes. */
function packageCss(): { file: string; css: string }[] {
  const files = ["src/styles", "src/components", "src/layouts", "src/routes"].flatMap((folder) =>
    readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: "utf8" })
      .filter((name) => /\.(css|astro)$/.test(name))
      .map((name) => `${folder}/${name.split(path.sep).join("/")}`),
  );
  return files.map((file) => {
    const text = readFileSync(path.join(repoRoot, file), "utf8");
    const css = file.endsWith(".css")
      ? text
      : [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join("\n");
    return { file, css };
  });
}

/**
 * Declarations that name a physical side where a page written right to left needs the other one: margins,
 * paddings, borders and offsets by left or right, left or right alignment and floats, four-value margins,
 * paddings and radii whose sides differ.
 */
const PHYSICAL = [
  /(?:^|[\s;{])(?:margin|padding|border)-(?:left|right)(?:-[a-z]+)?\s*:/,
  /(?:^|[\s;{])(?:left|right)\s*:/,
  /(?:^|[\s;{])(?:text-align|float|clear)\s*:\s*(?:left|right)\b/,
  /(?:^|[\s;{])border-(?:top|bottom)-(?:left|right)-radius\s*:/,
];

/** Whether a `margin`, `padding` or `border-radius` of several values gives its left and right sides different ones. */
function asymmetric(declaration: string): boolean {
  const match = /(?:^|[\s;{])(margin|padding|border-radius)\s*:\s*([^;}/]+)/.exec(declaration);
  const [a, b, c, d] = match?.[2]?.trim().split(/\s+/) ?? [];
  if (match?.[1] !== "border-radius") return d !== undefined && b !== d;
  // Corners: top-left, top-right, bottom-right, bottom-left; two or three values pair the others diagonally.
  if (b === undefined) return false;
  return c === undefined ? a !== b : d === undefined ? a !== b || b !== c : a !== b || c !== d;
}

describe("the package's CSS", () => {
  it("says start and end, not left and right, so that a right-to-left page mirrors", () => {
    const sheets = packageCss();
    expect(sheets.length).toBeGreaterThan(10);
    const physical = sheets.flatMap(({ file, css }) =>
      css
        .split("\n")
        .filter((line) => PHYSICAL.some((pattern) => pattern.test(line)) || asymmetric(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(physical).toEqual([]);
  });

  it("is read by this test, which finds a physical side where there is one", () => {
    const lines = [
      "  margin-left: 1rem;",
      "  left: 0;",
      "text-align: right;",
      "padding: 0 0 0 1rem;",
      "border-radius: 0 4px 4px 0;",
    ];
    expect(lines.filter((line) => PHYSICAL.some((pattern) => pattern.test(line)) || asymmetric(line))).toEqual(lines);
    const logical = [
      "margin-inline-start: 1rem;",
      "inset-inline-start: 0;",
      "text-align: end;",
      "padding: 0.4rem 0.6rem;",
      "margin: 1rem 0 2rem;",
      "border-radius: 0.5rem;",
      "border-radius: 4px 4px 0 0;",
      "padding: 1px 2px 3px 2px;",
    ];
    expect(logical.filter((line) => PHYSICAL.some((pattern) => pattern.test(line)) || asymmetric(line))).toEqual([]);
  });
});
