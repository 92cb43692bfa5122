import siteConfig from "../../../src/site.config.ts";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, describe, expect, it } from "vitest";
import { decodeCsv } from "../../../src/load/csv/decode-csv.ts";
import { parseCsv } from "../../../src/load/csv/parse-csv.ts";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import { FIXED_NOW, repoRoot, testRoot, withoutReleases } from "../../helpers/fixture-site.ts";

/** The sample's languages: a copy of its data/ and content/ has its translations, and no config to name them. */
const languages = { language: siteConfig.language, translations: siteConfig.translations };

const bytesOf = (text: string, encoding: BufferEncoding): Uint8Array => Buffer.from(text, encoding);
const utf16 = path.join(testRoot, "fixtures/utf16");
const windows1252 = path.join(testRoot, "fixtures/errors/not-utf8");

describe("decoding CSV bytes as spreadsheets save them", () => {
  it("the fixtures are what Excel writes: Windows-1252 for plain CSV, UTF-16 LE with BOM and tabs for Unicode text", () => {
    const plain = readFileSync(path.join(windows1252, "data/requests.csv"));
    expect(plain.includes(Buffer.from("Parquet g\xe9n\xe9ral de Li\xe8ge", "latin1"))).toBe(true);
    expect(plain.includes(Buffer.from("\r\n"))).toBe(true);
    const unicode = readFileSync(path.join(utf16, "data/requests.csv"));
    expect([...unicode.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x69, 0x00]);
    expect(unicode.includes(Buffer.from("\t", "utf16le"))).toBe(true);
  });

  it("refuses Windows-1252 with one problem at the first bad byte, never with replacement characters", async () => {
    const project = await loadProject(windows1252);
    expect(project.requests).toEqual([]);
    expect(project.problems).toHaveLength(1);
    expect(project.problems[0]).toMatchObject({ file: "data/requests.csv", line: 3, column: 37, field: "encoding" });
    expect(formatProblem(project.problems[0]!)).toContain('"CSV UTF-8 (Comma delimited)"');
    expect(formatProblem(project.problems[0]!)).not.toContain("\uFFFD");
  });

  it("reads Excel's Unicode text (UTF-16 LE, tab-separated, CRLF, quoted line breaks) into the same records", async () => {
    const project = await loadProject(utf16);
    expect(project.problems).toEqual([]);
    expect(project.requests.map((r) => [r.line, r.data.authority])).toEqual([
      [2, "Federal Computer Crime Unit"],
      [3, "Parquet général de Liège"],
      [5, "دادستانی تهران"],
    ]);
    expect(project.requests[1]?.data.notes).toBe('Sent by "fax"\nthe judge\'s order was missing');
    // The zero-width non-joiner Persian needs is kept.
    expect(project.requests[2]?.data.notes).toBe("نامه\u200Cای بدون امضا");
  });

  it("reads UTF-16 BE with BOM the same as UTF-16 LE", () => {
    const text = "id\treceived\r\nreq-1\t2020\r\n";
    const be = Buffer.from(text, "utf16le").swap16();
    const decoded = decodeCsv(new Uint8Array([0xfe, 0xff, ...be]), "t.csv");
    expect(decoded).toEqual({ text, encoding: "utf-16be" });
    expect(parseCsv(text, "t.csv")).toMatchObject({ delimiter: "\t", header: ["id", "received"] });
  });

  it("drops a UTF-8 BOM and keeps every other character", () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf("id\nx\u00e9\n", "utf8")]), "t.csv")).toEqual({
      text: "id\nxé\n",
      encoding: "utf-8",
    });
  });

  it("places a bad byte after multi-byte characters by character column, on its line", () => {
    const bytes = new Uint8Array([...bytesOf("id,name\r\nx,Liège ", "utf8"), 0xe8, ...bytesOf("x\r\n", "utf8")]);
    const decoded = decodeCsv(bytes, "data/requests.csv");
    expect(decoded).toMatchObject({ problem: { line: 2, column: 9, found: 'byte 0xE8 after "x,Liège "' } });
  });

  it("refuses a file cut in the middle of a character at that character", () => {
    const decoded = decodeCsv(new Uint8Array([...bytesOf("id\nab", "utf8"), 0xc3]), "t.csv");
    expect(decoded).toMatchObject({ problem: { line: 2, column: 3 } });
  });

  it("refuses UTF-16 without a byte-order mark in one line, without knock-on errors", () => {
    const decoded = decodeCsv(bytesOf("id,received\r\nreq-1,2020\r\n", "utf16le"), "data/requests.csv");
    expect(decoded).toMatchObject({
      problem: { line: 1, column: 1, found: "UTF-16 text without its byte-order mark" },
    });
  });
});

describe("the sample's requests.csv saved again by a spreadsheet", () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });
  const sampleText = readFileSync(path.join(repoRoot, "data/requests.csv"), "utf8");
  /** A copy of the sample whose requests.csv holds `bytes`. */
  const sampleWith = (bytes: Uint8Array): string => {
    const dir = mkdtempSync(path.join(tmpdir(), "vitrine-encoding-"));
    copies.push(dir);
    for (const folder of ["data", "content"])
      cpSync(path.join(repoRoot, folder), path.join(dir, folder), { recursive: true });
    // Read without the site's small-count rule, the rows differ from the released ones: no release here.
    withoutReleases(dir);
    writeFileSync(path.join(dir, "data/requests.csv"), bytes);
    return dir;
  };

  it("as Windows-1252: one problem, and no knock-on problem in the posts that name its records", async () => {
    // Excel's plain "CSV (Comma delimited)" on Windows: Windows-1252, CRLF. Latin-1 letters keep their
    // code; the dash and curly quotes the sample holds have their own Windows-1252 bytes.
    const windows1252: Record<string, number> = { "–": 0x96, "“": 0x93, "”": 0x94 };
    const codes = [...sampleText.replace(/\r?\n/g, "\r\n")].map(
      (char) => windows1252[char] ?? char.codePointAt(0) ?? 0,
    );
    expect(codes.filter((code) => code > 0xff)).toEqual([]);
    const windows = Buffer.from(codes);
    const project = await loadProject(sampleWith(windows), {
      now: FIXED_NOW,
      requireDataFiles: true,
      canary: siteConfig.canary,
      languages,
    });
    expect(project.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.field}`)).toEqual([
      expect.stringMatching(/^data\/requests\.csv:\d+:\d+: encoding$/),
    ]);
    expect(project.problems[0]?.found).toMatch(/^byte 0x(?:E8|E9|F6|FC|A7|96|93|94) after /);
  });

  it("as Excel's Unicode text (UTF-16 LE, tabs, CRLF): the same requests as the UTF-8 file", async () => {
    const rows = parse(sampleText);
    const tsv = stringify(rows, { delimiter: "\t", record_delimiter: "\r\n" });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(tsv, "utf16le")]);
    const [original, resaved] = await Promise.all([
      loadProject(repoRoot, { now: FIXED_NOW }),
      loadProject(sampleWith(utf16), { now: FIXED_NOW, requireDataFiles: true, canary: siteConfig.canary, languages }),
    ]);
    expect(resaved.problems).toEqual([]);
    expect(resaved.requests.map((r) => r.data)).toEqual(original.requests.map((r) => r.data));
  });
});

describe("posts and pages in another encoding", () => {
  it("an author saved as Windows-1252 is refused in one line; the posts naming that author get no problem of their own", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "vitrine-mdx-encoding-"));
    try {
      mkdirSync(path.join(root, "content/authors"), { recursive: true });
      mkdirSync(path.join(root, "content/blog"), { recursive: true });
      writeFileSync(
        path.join(root, "content/authors/jane-doe.mdx"),
        Buffer.from('---\r\nname: "Ren\xe9e Li\xe8ge"\r\nbio: "Editor."\r\n---\r\n', "latin1"),
      );
      writeFileSync(
        path.join(root, "content/blog/a-post.mdx"),
        '\uFEFF---\ntitle: "A post"\ndescription: "Saved with a BOM."\ndate: "2024-03-01"\nauthors: [jane-doe]\n---\n\nBody.\n',
      );
      const project = await loadProject(root, { now: FIXED_NOW });
      expect(project.problems.map(formatProblem)).toEqual([
        'content/authors/jane-doe.mdx:2:11: encoding: a file saved as UTF-8 (this one is not: byte 0xE9 is "é" in Windows-1252); in your editor, save it with the encoding UTF-8 (VS Code: "Save with Encoding" › UTF-8; Notepad: Save As › Encoding UTF-8), found "byte 0xE9 after "name: "Ren""',
      ]);
      expect(project.posts.map((post) => post.data.title)).toEqual(["A post"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
