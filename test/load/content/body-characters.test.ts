import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bodyCharacterProblems } from "../../../src/load/content/body-characters.ts";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import { FIXED_NOW } from "../../helpers/fixture-site.ts";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe("control characters in the canary's statement", () => {
  it("are refused at their line and column, named", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "vitrine-canary-text-"));
    roots.push(root);
    mkdirSync(path.join(root, "content"));
    writeFileSync(
      path.join(root, "content/canary.md"),
      '---\r\nissued: "2026-11-01"\r\nexpires: "2027-02-01"\r\n---\r\n\r\nAs of today we have received\u000Bno secret order.\r\n',
    );
    const project = await loadProject(root, { now: FIXED_NOW });
    // (Its missing signature and key are problems of their own, tested with the canary.)
    expect(project.problems.map(formatProblem)).toContain(
      'content/canary.md:6:29: text: text without control characters: remove the U+000B vertical tab (what Word leaves for a line break) at character 31 of the text, found "As of today we have received\\u000Bno secret order."',
    );
    expect(project.canary).toBeUndefined();
  });

  it("are refused in the text of a post too, where Word's line break once reached the page and the feeds", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "vitrine-post-text-"));
    roots.push(root);
    mkdirSync(path.join(root, "content/blog"), { recursive: true });
    writeFileSync(
      path.join(root, "content/blog/blocked.mdx"),
      '---\r\ntitle: "Blocked"\r\ndescription: "Why."\r\ndate: "2026-11-01"\r\n---\r\n\r\nFirst line\u000Bsecond line, pasted from Word.\r\n',
    );
    const project = await loadProject(root, { now: FIXED_NOW, canary: undefined, allowCode: false });
    expect(project.problems.map(formatProblem)).toContain(
      'content/blog/blocked.mdx:7:11: text: text without control characters: remove the U+000B vertical tab (what Word leaves for a line break) at character 13 of the text, found "First line\\u000Bsecond line, pasted from Word."',
    );
  });

  it("finds none in a clean statement, and counts columns in characters", () => {
    expect(bodyCharacterProblems("---\nissued: x\n---\nClean — ünïcode ✓\n", "c.md")).toEqual([]);
    expect(bodyCharacterProblems("---\na: b\n---\n\nLiège\u0000x\n", "c.md")[0]).toMatchObject({ line: 5, column: 6 });
  });
});
