import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/project/load-project.ts";
import { formatProblem } from "../../src/load/validation/problem.ts";
import {
  copyCardCache,
  FIXED_NOW,
  FIXTURE_TRANSLATIONS,
  makeFixtureSite,
  repoRoot,
  runAstro,
  runValidate,
} from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

const frontmatter = (title: string) =>
  `---\ntitle: "${title}"\ndescription: "A post."\ndate: "2026-11-01"\nauthors: [anneke-de-smet]\n---\n\n`;

describe("a hostile post", () => {
  let dir: string;
  let marker: string;

  beforeAll(() => {
    dir = makeFixtureSite("hostile-post", repoRoot, { translations: FIXTURE_TRANSLATIONS });
    copyCardCache(sampleSite("/").dir, dir);
    marker = path.join(dir, "code-ran.txt");
    const mdx = [
      'import { writeFileSync } from "node:fs";',
      'import { execSync } from "node:child_process";',
      `export const ran = writeFileSync(${JSON.stringify(marker)}, execSync("id"));`,
      "",
      "Your token: {process.env.HOME} under the {legal} framework.",
      "",
      '<script>{"alert(1)"}</script>',
      "",
      '<img src="/favicon.svg" alt="" onError="alert(1)" />',
    ].join("\n");
    writeFileSync(path.join(dir, "content/blog/hostile.mdx"), frontmatter("Hostile MDX") + mdx);
    const md = '<script>alert("ran")</script>\n\n<img src="x" onerror="alert(1)">\n';
    writeFileSync(path.join(dir, "content/blog/hostile-markdown.md"), frontmatter("Hostile Markdown") + md);
  });

  it("stops validate and the build with the same lines, and its code never runs", async () => {
    const expected = (await loadProject(dir, { now: FIXED_NOW })).problems.map(formatProblem);
    expect(expected).toEqual([
      expect.stringMatching(/^content\/blog\/hostile-markdown\.md:8:1: body: .*, found "<script>"$/),
      expect.stringMatching(
        /^content\/blog\/hostile-markdown\.md:10:1: body: no event attribute.*, found "onerror="alert\(1\)""$/,
      ),
      expect.stringMatching(
        /^content\/blog\/hostile\.mdx:8:1: body: .*import or export.*, found "import \{ writeFileSync \} from "node:fs";"$/,
      ),
      expect.stringMatching(/^content\/blog\/hostile\.mdx:9:1: body: .*, found "import \{ execSync \}/),
      expect.stringMatching(/^content\/blog\/hostile\.mdx:10:1: body: .*, found "export const ran/),
      expect.stringMatching(
        /^content\/blog\/hostile\.mdx:12:13: body: text, not a JavaScript expression.*, found "\{process\.env\.HOME\}"$/,
      ),
      expect.stringMatching(
        /^content\/blog\/hostile\.mdx:12:42: body: text, not a JavaScript expression.*, found "\{legal\}"$/,
      ),
      expect.stringMatching(/^content\/blog\/hostile\.mdx:14:1: body: .*, found "<script>"$/),
      expect.stringMatching(/^content\/blog\/hostile\.mdx:14:9: body: text, not a JavaScript expression/),
      expect.stringMatching(/^content\/blog\/hostile\.mdx:16:1: body: no event attribute/),
    ]);

    const validate = runValidate(dir);
    expect(validate.code).toBe(1);
    for (const line of expected) expect(validate.stderr.split("\n")).toContain(line);

    const build = runAstro(dir, ["build"]);
    expect(build.code).toBe(1);
    for (const line of expected) expect(build.output.split("\n")).toContain(line);
    expect(build.output).not.toMatch(/ReferenceError|^\s+at /m);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(path.join(dir, "dist"))).toBe(false);
  });
});

describe("HTML and links in posts", () => {
  let dir: string;
  const page = (slug: string) => readFileSync(path.join(dir, "dist/blog", slug, "index.html"), "utf8");

  beforeAll(() => {
    dir = makeFixtureSite("content-html", repoRoot, { translations: FIXTURE_TRANSLATIONS });
    copyCardCache(sampleSite("/").dir, dir);
    const md = [
      "<details><summary>What we keep</summary> <kbd>Ctrl</kbd> H<sub>2</sub>O</details>",
      "",
      "Read [the law](https://www.ejustice.just.fgov.be/) or [our data](/data/).",
    ].join("\n");
    writeFileSync(path.join(dir, "content/blog/markdown-html.md"), frontmatter("Markdown HTML") + md);
    const mdx = 'Read [the law](https://www.ejustice.just.fgov.be/) and <a href="https://example.org/">this</a>.\n';
    writeFileSync(path.join(dir, "content/blog/mdx-links.mdx"), frontmatter("MDX links") + mdx);
    const build = runAstro(dir, ["build"]);
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.code).toBe(0);
  });

  it("publishes the allowed HTML of a Markdown post", () => {
    expect(page("markdown-html")).toContain(
      "<details><summary>What we keep</summary> <kbd>Ctrl</kbd> H<sub>2</sub>O</details>",
    );
  });

  it("gives every link to another site written in a post rel=noreferrer, and none to the site's own pages", () => {
    for (const html of [page("markdown-html"), page("mdx-links")]) {
      const outbound = [...html.matchAll(/<a [^>]*href="https?:\/\/(?!transparency\.velinmail\.be)[^"]*"[^>]*>/g)].map(
        (m) => m[0],
      );
      const written = outbound.filter((a) => /ejustice|example\.org/.test(a));
      expect(written.length).toBeGreaterThan(0);
      for (const a of written) expect(a).toMatch(/rel="noreferrer"/);
    }
    expect(page("markdown-html")).toMatch(/<a href="\/data\/">our data<\/a>/);
  });
});
