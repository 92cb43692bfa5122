import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSameOriginUrl, urlScheme } from "../../../src/contract/content-html.ts";
import { readMdxBody } from "../../../src/load/content/read-mdx-body.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import { testRoot } from "../../helpers/fixture-site.ts";

const hostile = path.join(testRoot, "fixtures/errors/mdx-code/content/blog/hostile.mdx");
const front = '---\ntitle: "T"\n---\n\n';
const problems = (body: string, file = "content/blog/p.mdx", allowCode = false): string[] =>
  readMdxBody(front + body, file, { allowCode }).problems.map(formatProblem);

describe("code in MDX", () => {
  it("is refused by default, each piece with its line and column", () => {
    const found = readMdxBody(readFileSync(hostile, "utf8"), "content/blog/hostile.mdx").problems;
    expect(found.map((p) => [p.line, p.column, p.found])).toEqual([
      [8, 1, 'import { execSync } from "node:child_process";'],
      [9, 1, 'export const marker = execSync("touch /tmp/vitrine-pwned");'],
      [11, 28, "{legal}"],
      [13, 11, "{process.env.DEPLOY_TOKEN}"],
      [15, 1, "{...marker}"],
      [17, 1, "title={marker}"],
    ]);
  });

  it("is allowed when the site sets content.allowCode", () => {
    expect(
      readMdxBody(readFileSync(hostile, "utf8"), "content/blog/hostile.mdx", { allowCode: true }).problems,
    ).toEqual([]);
  });

  it("refuses {legal} with a message that says how to write a brace", () => {
    expect(problems("Under the {legal} framework.")).toEqual([
      'content/blog/p.mdx:5:11: body: text, not a JavaScript expression: write \\{ for a literal brace (content.allowCode in src/site.config.ts allows expressions), found "{legal}"',
    ]);
  });

  it("allows MDX comments, but not code hidden between two of them", () => {
    expect(problems("Text {/* a note for editors */} and {/* one */ /* two */}.")).toEqual([]);
    expect(problems("Text {/* a */ process.env.SECRET /* b */}.")).toHaveLength(1);
  });

  it("is not looked for in Markdown, where braces are text", () => {
    expect(problems("Under the {legal} framework.", "content/blog/p.md")).toEqual([]);
  });
});

describe("HTML in content", () => {
  it("keeps what GitHub allows: details, kbd, sub, images of the site, tables, task lists, footnotes", () => {
    const body = [
      '<details><summary>More</summary> <kbd>Ctrl</kbd> H<sub>2</sub>O <img src="/images/map.png" alt="Map"></details>',
      "",
      "| a | b |\n| - | - |\n| 1 | 2 |",
      "",
      "- [x] done, with a note[^1]",
      "",
      "[^1]: The note.",
    ].join("\n");
    expect(problems(body, "content/blog/p.md")).toEqual([]);
    // MDX writes HTML as JSX: void elements close themselves.
    expect(problems(body.replace('alt="Map">', 'alt="Map" />'), "content/blog/p.mdx")).toEqual([]);
  });

  it.each([
    ['<img src="x" onerror="alert(1)">', 'found "onerror="alert(1)""'],
    ["<script>alert(1)</script>", 'found "<script>"'],
    ['<iframe src="/x"></iframe>', 'found "<iframe>"'],
    ['<a href="JaVa\tScRiPt:alert(1)">x</a>', "a link starting with http:, https:, mailto: or /"],
    ['<img src="https://tracker.example/p.gif" alt="">', "a page loads nothing from another origin"],
    ["![x](//cdn.example/x.png)", "a page loads nothing from another origin"],
    ['<p style="background:url(https://x.example/)">x</p>', 'found "style="'],
  ])("refuses %s in Markdown", (html, message) => {
    const found = problems(html, "content/blog/p.md");
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
    expect(found[0]).toMatch(/^content\/blog\/p\.md:5:\d+: body: /);
  });
});

describe("URLs", () => {
  it.each([
    ["/data/", true],
    ["logo.png", true],
    ["#top", true],
    ["a/b:c", true],
    ["//evil.example/x.png", false],
    ["\\\\evil.example/x.png", false],
    ["https://example.org/", false],
    ["data:image/png;base64,AA", false],
  ])("%s stays on the site: %s", (url, same) => expect(isSameOriginUrl(url)).toBe(same));

  it("finds the scheme a browser would see through tabs and case", () => {
    expect(urlScheme("JaVa\tScRiPt:alert(1)")).toBe("javascript");
    expect(urlScheme("/javascript:x")).toBeUndefined();
  });
});
