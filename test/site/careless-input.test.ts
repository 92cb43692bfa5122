import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/project/load-project.ts";
import { formatProblem } from "../../src/load/validation/problem.ts";
import {
  copyCardCache,
  FIXED_NOW,
  FIXTURE_TRANSLATIONS,
  makeFixtureSite,
  repoRoot,
  runAstroAsync,
  runValidate,
} from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

const read = (file: string): string => readFileSync(file, "utf8");
/** Windows-1252 bytes of a text of Latin-1 letters, the dash and curly quotes, as Excel's plain CSV saves it. */
const windows1252 = (text: string): Buffer => {
  const extra: Record<string, number> = { "–": 0x96, "“": 0x93, "”": 0x94 };
  return Buffer.from([...text.replace(/\r?\n/g, "\r\n")].map((char) => extra[char] ?? char.codePointAt(0) ?? 0));
};

describe("files as spreadsheets save them, and text that breaks things, in a real build", () => {
  it("a Windows-1252 requests.csv, a Word line break in a title and a missing incidents.csv stop validate and the build alike", async () => {
    const dir = makeFixtureSite("careless-input", repoRoot, { translations: FIXTURE_TRANSLATIONS });
    const requests = path.join(dir, "data/requests.csv");
    writeFileSync(requests, windows1252(read(requests)));
    const blocking = path.join(dir, "data/blocking-events.csv");
    // Text pasted from Word keeps a vertical tab where a line broke.
    writeFileSync(blocking, read(blocking).replace("Russian internet providers", "Russian\u000Binternet providers"));
    rmSync(path.join(dir, "data/incidents.csv"));

    const expected = (await loadProject(dir, { now: FIXED_NOW, requireDataFiles: true })).problems.map(formatProblem);
    expect(expected.map((line) => line.split(": ").slice(0, 2).join(": "))).toEqual([
      "data/blocking-events.csv:2:2: column B (title)",
      "data/incidents.csv:1:1: file",
      expect.stringMatching(/^data\/requests\.csv:\d+:\d+: encoding$/),
    ]);
    const validate = runValidate(dir);
    expect(validate.code).toBe(1);
    expect(validate.stderr.split("\n").slice(0, 3)).toEqual(expected);
    const build = await runAstroAsync(dir, ["build"]);
    expect(build.code).toBe(1);
    for (const line of expected) expect(build.output.split("\n")).toContain(line);
    expect(build.output).not.toContain("\uFFFD");
    expect(build.output).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(dir, "dist"))).toBe(false);
  });

  it("the sample's requests.csv re-saved as Excel's Unicode text builds, with every accent intact", async () => {
    const dir = makeFixtureSite("careless-input-utf16", repoRoot, { translations: FIXTURE_TRANSLATIONS });
    // The same records give the same social cards: take the sample build's, so that only the pages are built.
    copyCardCache(sampleSite("/").dir, dir);
    const requests = path.join(dir, "data/requests.csv");
    const tsv = stringify(parse(read(requests)), { delimiter: "\t", record_delimiter: "\r\n" });
    writeFileSync(requests, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]));
    expect(runValidate(dir).code).toBe(0);
    const build = await runAstroAsync(dir, ["build"]);
    expect(build.code, build.output).toBe(0);
    const page = read(path.join(dir, "dist/transparency/requests/req-2020-003/index.html"));
    expect(page).toContain("Parquet de Liège");
    const download = read(path.join(dir, "dist/data/requests.csv"));
    // Staatsanwaltschaft Köln's request is published as "Other countries" (small counts), without its authority.
    expect(download).toContain("Parquet de Liège");
    expect(download).not.toContain("\uFFFD");
  });
});
