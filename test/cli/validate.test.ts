import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/project/load-project.ts";
import { makeFixtureSite, repoRoot, runValidate, testRoot } from "../helpers/fixture-site.ts";

const read = (file: string): string => readFileSync(file, "utf8");

describe("npm run validate", () => {
  it("prints counts per kind, request rows beside the requests they count, and exits 0 on valid data", async () => {
    const result = runValidate(repoRoot);
    const project = await loadProject(repoRoot);
    const requests = project.requests.reduce((sum, request) => sum + request.data.count, 0);
    expect(requests).toBeGreaterThan(project.requests.length);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^All valid in [\\d.]+ s: ${project.requests.length} rows \\(${requests} requests\\), ${project.figures.length} published figures, ${project.blockingEvents.length} blocking events, ${project.incidents.length} incidents, ${project.posts.length} posts, `,
      ),
    );
  });

  it("lists every problem of every file and exits 1", () => {
    const result = runValidate(path.join(testRoot, "fixtures/errors/bad-enum"));
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      ...read(path.join(testRoot, "fixtures/errors/bad-enum/expected.txt")).trimEnd().split("\n"),
      "7 problems in 1 file.",
      "Fix the lines above (docs/data-format.md describes every file and column), then run npm run validate again: the site builds once it says all is valid.",
    ]);
  });

  it("refuses a Windows-1252 file in one line, with nothing else about it", () => {
    const result = runValidate(path.join(testRoot, "fixtures/errors/not-utf8"));
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      ...read(path.join(testRoot, "fixtures/errors/not-utf8/expected.txt")).trimEnd().split("\n"),
      "1 problem in 1 file.",
      "Fix the lines above (docs/data-format.md describes every file and column), then run npm run validate again: the site builds once it says all is valid.",
    ]);
  });

  it("reports control characters, direction controls and out-of-bounds values as validate's own lines, never a stack trace", () => {
    const result = runValidate(path.join(testRoot, "fixtures/errors/hostile-text"));
    const expected = read(path.join(testRoot, "fixtures/errors/hostile-text/expected.txt")).trimEnd().split("\n");
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n").slice(0, expected.length)).toEqual(expected);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    // Printed escaped: no control character reaches the terminal.
    // eslint-disable-next-line no-control-regex -- the test is that none is there
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E]/u);
  });

  // Issue 16: list items count from 1 in every message an editor reads, the site config's too (was `services.1.id`).
  it("names a bad item of a list in the site config as an editor counts it, from 1", () => {
    const dir = makeFixtureSite("validate-config-lists");
    try {
      const file = path.join(dir, "src/site.config.ts");
      const config = readFileSync(file, "utf8");
      const edited = config
        .replace('{ id: "calendar",', '{ id: "Calendar!",')
        .replace('mirrors: [{ url: "https://', 'mirrors: [{ url: "ftp://');
      expect(edited).not.toBe(config);
      writeFileSync(file, edited);
      const result = runValidate(dir);
      expect(result.code).toBe(1);
      const lines = result.stderr.split("\n").filter((line) => line.startsWith("src/site.config.ts: "));
      expect(lines.map((line) => line.slice(0, line.indexOf(": ", 20)))).toEqual([
        "src/site.config.ts: mirrors › item 1 › url",
        "src/site.config.ts: services › item 2 › id",
      ]);
      expect(lines[1]).toMatch(/, found "Calendar!"$/);
      expect(result.stderr).not.toMatch(/\.\d+\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a site without data/requests.csv instead of saying all is valid with 0 requests", () => {
    // Inside the repository, so that its site config finds the packages it imports.
    const dir = makeFixtureSite("validate-missing-requests");
    try {
      rmSync(path.join(dir, "data/requests.csv"));
      writeFileSync(path.join(dir, "data/Requests.xlsx"), "PK\u0003\u0004");
      const result = runValidate(dir);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr.trimEnd().split("\n")).toEqual([
        'data/Requests.xlsx:1:1: file name: a CSV file: spreadsheet files are not read; export it as CSV UTF-8 to data/Requests.csv (in Excel, File › Save As › "CSV UTF-8 (Comma delimited)"; in LibreOffice, File › Save As › Text CSV, "Edit filter settings", Character set "Unicode (UTF-8)"), then remove it from data/, found "Requests.xlsx"',
        'data/requests.csv:1:1: file: this file, at least its header line (without it the site would publish none of these records, as if there were none); found Requests.xlsx: file names are case-sensitive, and only CSV UTF-8 is read, found "no such file"',
        "2 problems in 2 files.",
        "Fix the lines above (docs/data-format.md describes every file and column), then run npm run validate again: the site builds once it says all is valid.",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
