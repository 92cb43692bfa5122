import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../../bench/corpus.ts";
import { detectDelimiter, splitWellFormedCsv, splitWithCsvParse } from "../../../src/load/csv/parse-csv.ts";
import { repoRoot, testRoot } from "../../helpers/fixture-site.ts";

/** Both readers on the same text (LF line ends, as parseCsv gives them): the fast one must agree or step aside. */
function compare(text: string): {
  fast: ReturnType<typeof splitWellFormedCsv>;
  reference: ReturnType<typeof splitWithCsvParse>;
} {
  const normalised = text.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  return {
    fast: splitWellFormedCsv(normalised.replace(/^\uFEFF/, ""), delimiter),
    reference: splitWithCsvParse(normalised, delimiter, "t.csv"),
  };
}

const fixtureCsvs = (dir: string): string[] =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(".csv"))
    .map((name) => path.join(dir, name));

describe("the fast CSV reader agrees with csv-parse", () => {
  const files = [...fixtureCsvs(path.join(testRoot, "fixtures")), ...fixtureCsvs(path.join(repoRoot, "data"))];

  it.each(files.map((file) => [path.relative(repoRoot, file), file]))(
    "%s: same records, or it leaves the file to csv-parse",
    (_, file) => {
      const { fast, reference } = compare(readFileSync(file, "utf8"));
      if (fast) expect(reference).toEqual({ records: fast });
    },
  );

  it("reads the sample data and well-formed fixtures itself (so the fast path is really taken)", () => {
    for (const file of [
      ...fixtureCsvs(path.join(repoRoot, "data")),
      ...fixtureCsvs(path.join(testRoot, "fixtures/spreadsheet")),
    ]) {
      expect(compare(readFileSync(file, "utf8")).fast, file).toBeDefined();
    }
  });

  it("reads a generated corpus like csv-parse does", () => {
    const corpus = generateCorpus({ requests: 2_000, blockingEvents: 200, incidents: 200, posts: 0, seed: 7 });
    for (const name of ["data/requests.csv", "data/blocking-events.csv", "data/incidents.csv"]) {
      const { fast, reference } = compare(corpus.files.get(name) ?? "");
      expect(fast, name).toBeDefined();
      expect(reference).toEqual({ records: fast });
    }
  });

  it.each([
    ["quotes, escapes and line breaks", 'a,b,c\n"x ""y"", z","one\ntwo\n\nthree",  q  \n'],
    ["spaces and tabs around quoted cells", 'a,b\n  "x"  ,\t"y"\t\n'],
    ["blank lines and blank rows", "\n\na,b\n\n\n,\n1,2\n\n"],
    ["no line break at the end", "a,b\n1,2"],
    ["a delimiter at the end", "a,b,\n1,2,\n"],
    ["; delimiter with , inside", 'a;b\n1,5;"x;y"\n'],
    ["tab delimiter with spaces, tabs and blanks (Excel Unicode text)", 'a\tb\tc\n 1 \t\t"x\ty"\n\t\t\n'],
    ["unusual spaces around cells", "a,b\n\u00a0x\u2003,\u3000y\ufeff\n\f1\v,2\n"],
    ["whitespace-only lines", "a,b\n   \n1,2\n \t \n"],
    ["a whitespace-only first line", "  \na,b\n1,2\n"],
    ["an empty quoted cell", 'a,b\n"",""\n'],
    ["ragged rows", "a,b,c\n1,2\n1,2,3,4\n"],
    ["a stray quote", 'a,b\n1,x"y\n'],
    ["text after a closing quote", 'a,b\n"x"y,2\n'],
    ["an unclosed quote", 'a,b\n"x,2\n3,4\n'],
    ["a quote after spaces", 'a,b\n1,  "x"\n'],
    ["an empty file", ""],
    ["only line breaks", "\n\n\n"],
  ])("%s", (_, text) => {
    const { fast, reference } = compare(text);
    if (fast) expect(reference).toEqual({ records: fast });
  });

  it("agrees on 20,000 random texts made of CSV's awkward characters", () => {
    const alphabet = ["a", "b", ",", ";", '"', '""', "\n", " ", "\t", "\u00a0", "\u2003", "\ufeff", "xy"];
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let taken = 0;
    for (let n = 0; n < 20_000; n++) {
      const text = Array.from(
        { length: Math.floor(next() * 30) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join("");
      for (const delimiter of [",", ";", "\t"] as const) {
        const fast = splitWellFormedCsv(text, delimiter);
        if (!fast) continue;
        taken++;
        expect(splitWithCsvParse(text, delimiter, "t.csv"), JSON.stringify(text)).toEqual({ records: fast });
      }
    }
    expect(taken).toBeGreaterThan(5_000);
  });

  it("steps aside for every malformed case, so csv-parse words the error", () => {
    for (const text of ['a,b\n1,x"y\n', 'a,b\n"x"y,2\n', 'a,b\n"x,2\n3,4\n']) {
      expect(compare(text).fast, text).toBeUndefined();
      expect(compare(text).reference).toHaveProperty("problem");
    }
  });
});
