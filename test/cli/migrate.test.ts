import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrate } from "../../src/cli/migrate.ts";
import { DATA_FORMAT, MIGRATIONS, type Migration } from "../../src/contract/data-format.ts";
import { makeFixtureSite, runValidate, testRoot } from "../helpers/fixture-site.ts";

const FORMAT_1 = path.join(testRoot, "fixtures/format-1");

/** Every file under `dir` (relative path → bytes), to check what a run wrote. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), readFileSync(file).toString("base64"));
  }
  return files;
}

/** Runs `vitrine migrate` on `dir`, collecting its output. */
async function migrate(
  dir: string,
  args: string[],
  ...extra: [migrations?: readonly Migration[], target?: number]
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runMigrate(
    args,
    dir,
    (line) => out.push(line),
    (line) => err.push(line),
    ...extra,
  );
  return { code, out, err };
}

describe("vitrine migrate on the real format-1 site (84f68f7)", () => {
  let dir: string;
  const configFile = (): string => path.join(dir, "src/site.config.ts");
  const siteFiles = (): Map<string, string> => snapshot(path.join(dir, "data"));
  beforeAll(() => {
    dir = makeFixtureSite("migrate-format-1", FORMAT_1);
    cpSync(path.join(FORMAT_1, "src/site.config.ts"), configFile());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("validates on format 1 with a notice to migrate, then migrates to format 2 with the config's other bytes kept", async () => {
    const before = runValidate(dir);
    expect(before.code).toBe(0);
    expect(before.stderr.trimEnd().split("\n")).toEqual([
      `warning: src/site.config.ts: dataFormat: ${DATA_FORMAT}, this Vitrine's data format, found none (format 1): run npx vitrine migrate to upgrade data/ and the config (npx vitrine migrate --dry-run lists the changes first)`,
    ]);
    expect(before.stdout).toMatch(/^All valid in .* Data format 1, older than 2: run npx vitrine migrate\.\n$/);

    const config = readFileSync(configFile(), "utf8");
    const data = siteFiles();
    const content = snapshot(path.join(dir, "content"));
    const dry = await migrate(dir, ["--dry-run"]);
    expect(dry).toEqual({
      code: 0,
      out: [
        `Data format 1 to 2: ${MIGRATIONS[0]?.describe}.`,
        "src/site.config.ts: set dataFormat to 2",
        "Dry run: nothing was written. Without --dry-run, vitrine migrate makes 1 change.",
      ],
      err: [],
    });
    expect(readFileSync(configFile(), "utf8")).toBe(config);
    expect(siteFiles()).toEqual(data);

    const real = await migrate(dir, []);
    expect(real).toEqual({
      code: 0,
      out: [...dry.out.slice(0, -1), "Migrated from data format 1 to 2: 1 change in 1 file."],
      err: [],
    });
    const lines = readFileSync(configFile(), "utf8").split("\n");
    const added = lines.indexOf("  dataFormat: 2,");
    expect(lines[added - 1]).toBe("export default defineSiteConfig({");
    expect(lines.toSpliced(added, 1).join("\n")).toBe(config);
    expect(siteFiles()).toEqual(data);
    expect(snapshot(path.join(dir, "content"))).toEqual(content);

    const after = runValidate(dir);
    expect(after).toMatchObject({ code: 0, stderr: "" });
    expect(after.stdout).toMatch(/^All valid in [\d.]+ s: 83 rows \(126 requests\), .*record write-ups\.\n$/);

    const migrated = readFileSync(configFile(), "utf8");
    expect(await migrate(dir, [])).toEqual({
      code: 0,
      out: ["Nothing to migrate: the site is on data format 2, this Vitrine's."],
      err: [],
    });
    expect(readFileSync(configFile(), "utf8")).toBe(migrated);
  });

  it("says found 1 for dataFormat: 1, and refuses a site on a newer format than this Vitrine in validate and migrate", async () => {
    const original = readFileSync(path.join(FORMAT_1, "src/site.config.ts"), "utf8");
    const withFormat = (format: number): string =>
      original.replace("defineSiteConfig({\n", `defineSiteConfig({\n  dataFormat: ${format},\n`);

    writeFileSync(configFile(), withFormat(1));
    const old = runValidate(dir);
    expect(old.code).toBe(0);
    expect(old.stderr).toContain(
      "warning: src/site.config.ts: dataFormat: 2, this Vitrine's data format, found 1: run npx vitrine migrate",
    );

    writeFileSync(configFile(), withFormat(3));
    const newer = runValidate(dir);
    expect(newer.code).toBe(1);
    const upgrade =
      "src/site.config.ts: dataFormat: a data format up to 2, the newest this version of Vitrine reads: the site was written for a newer Vitrine, run npm install vitrine@latest, found 3";
    expect(newer.stderr.split("\n").slice(0, 2)).toEqual(["The site configuration is invalid:", upgrade]);
    expect(newer.stderr).not.toMatch(/^\s+at /m);

    expect(await migrate(dir, ["--dry-run"])).toEqual({
      code: 1,
      out: [],
      err: [upgrade, "Nothing was written. Fix the lines above, then run npx vitrine migrate again."],
    });
    expect(readFileSync(configFile(), "utf8")).toBe(withFormat(3));
  });

  it("refuses a config that is not an object literal it can edit, writing nothing", async () => {
    const indirect = readFileSync(path.join(FORMAT_1, "src/site.config.ts"), "utf8")
      .replace("export default defineSiteConfig({", "const config = defineSiteConfig({")
      .concat("export default config;\n");
    writeFileSync(configFile(), indirect);
    const result = await migrate(dir, []);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'src/site.config.ts: export default: export default defineSiteConfig({ … }) or export default { … }, an object literal vitrine migrate can edit, found "config"',
      "Nothing was written. Fix the lines above, then run npx vitrine migrate again.",
    ]);
    expect(readFileSync(configFile(), "utf8")).toBe(indirect);
  });
});

/** A test-only step from format 2 to 3: a rename, a split, two vocabulary changes (one in a list column), a new column, two config changes. */
const STEP_2_TO_3: Migration = {
  from: 2,
  to: 3,
  describe: "authority_type becomes authority_kind with new words, the place of an authority gets its own column",
  csv: [
    { kind: "rename-column", file: "data/requests.csv", column: "authority_type", to: "authority_kind" },
    {
      kind: "split-column",
      file: "data/requests.csv",
      column: "authority",
      into: ["authority", "authority_place"],
      separator: ",",
    },
    { kind: "map-values", file: "data/requests.csv", column: "authority_kind", values: { police: "law_enforcement" } },
    {
      kind: "map-values",
      file: "data/requests.csv",
      column: "data_requested",
      values: { metadata: "traffic_data" },
      list: true,
    },
    { kind: "add-column", file: "data/requests.csv", column: "service", after: "country", value: "" },
  ],
  config: [
    { kind: "rename-key", key: "report.smallCountThreshold", to: "smallCountLimit" },
    { kind: "set-key", key: "report.period", value: "year" },
  ],
};

const BOM = "\uFEFF";
// As Excel writes "CSV UTF-8": a BOM, CRLF between records, LF inside a cell, quotes only where needed.
const REQUESTS_BEFORE = [
  `${BOM}id,received,country,authority,authority_type,data_requested,count,notes\r\n`,
  'req-1,2024-H1,BE,"Federal Police, Brussels",police,subscriber;metadata,2,"Two requests, one case"\r\n',
  'req-2,2024-H1,DE,Bundeskriminalamt,police,content,1,"Line one\nline ""two"""\r\n',
  'req-3,2024-H2,FR,"Parquet de Paris, section J3",prosecutor,metadata; subscriber,1,\r\n',
  "req-4,2024-H2,NL,Politie,police,,,\r\n",
].join("");
const REQUESTS_AFTER = [
  `${BOM}id,received,country,service,authority,authority_place,authority_kind,data_requested,count,notes\r\n`,
  'req-1,2024-H1,BE,,Federal Police,Brussels,law_enforcement,subscriber;traffic_data,2,"Two requests, one case"\r\n',
  'req-2,2024-H1,DE,,Bundeskriminalamt,,law_enforcement,content,1,"Line one\nline ""two"""\r\n',
  "req-3,2024-H2,FR,,Parquet de Paris,section J3,prosecutor,traffic_data; subscriber,1,\r\n",
  "req-4,2024-H2,NL,,Politie,,law_enforcement,,,\r\n",
].join("");
const CONFIG_BEFORE = `import { defineSiteConfig } from "vitrine/config";

// Our transparency report.
export default defineSiteConfig({
  name: "Example Org Transparency",
  report: {
    // Half-years, as our board decided in 2019.
    period: "half",
    smallCountThreshold: 3,
  },
  services: [{ id: "email", name: "Example Mail" }],
});
`;
const CONFIG_AFTER = `import { defineSiteConfig } from "vitrine/config";

// Our transparency report.
export default defineSiteConfig({
  dataFormat: 3,
  name: "Example Org Transparency",
  report: {
    // Half-years, as our board decided in 2019.
    period: "year",
    smallCountLimit: 3,
  },
  services: [{ id: "email", name: "Example Mail" }],
});
`;
const INCIDENTS = "id,started,title\r\ninc-1,2024-03,Outage\r\n";

describe("vitrine migrate with a synthetic step (rename, split, vocabulary) on a spreadsheet's CSV", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "vitrine-migrate-"));
    mkdirSync(path.join(dir, "data"));
    mkdirSync(path.join(dir, "src"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (requests: string): void => {
    writeFileSync(path.join(dir, "data/requests.csv"), requests);
    writeFileSync(path.join(dir, "data/incidents.csv"), INCIDENTS);
    writeFileSync(path.join(dir, "src/site.config.ts"), CONFIG_BEFORE);
  };
  const read = (file: string): string => readFileSync(path.join(dir, file), "utf8");

  it("prints every change with its file and line, writes them exactly, and has nothing left to do after", async () => {
    write(REQUESTS_BEFORE);
    const expectedLines = [
      `Data format 1 to 2: ${MIGRATIONS[0]?.describe}.`,
      `Data format 2 to 3: ${STEP_2_TO_3.describe}.`,
      'data/requests.csv:1: rename column "authority_type" to "authority_kind"',
      'data/requests.csv:1: split column "authority" into "authority", "authority_place"',
      'data/requests.csv:2: column authority: "Federal Police, Brussels" becomes authority "Federal Police", authority_place "Brussels"',
      'data/requests.csv:3: column authority: "Bundeskriminalamt" becomes authority "Bundeskriminalamt", authority_place ""',
      'data/requests.csv:5: column authority: "Parquet de Paris, section J3" becomes authority "Parquet de Paris", authority_place "section J3"',
      'data/requests.csv:6: column authority: "Politie" becomes authority "Politie", authority_place ""',
      'data/requests.csv:2: column authority_kind: "police" becomes "law_enforcement"',
      'data/requests.csv:3: column authority_kind: "police" becomes "law_enforcement"',
      'data/requests.csv:6: column authority_kind: "police" becomes "law_enforcement"',
      'data/requests.csv:2: column data_requested: "subscriber;metadata" becomes "subscriber;traffic_data"',
      'data/requests.csv:5: column data_requested: "metadata; subscriber" becomes "traffic_data; subscriber"',
      'data/requests.csv:1: add column "service" after "country"',
      "src/site.config.ts: rename report.smallCountThreshold to report.smallCountLimit",
      'src/site.config.ts: set report.period to "year"',
      "src/site.config.ts: set dataFormat to 3",
    ];
    const steps = [...MIGRATIONS, STEP_2_TO_3];

    const dry = await migrate(dir, ["--dry-run"], steps, 3);
    expect(dry).toEqual({
      code: 0,
      out: [...expectedLines, "Dry run: nothing was written. Without --dry-run, vitrine migrate makes 15 changes."],
      err: [],
    });
    expect(read("data/requests.csv")).toBe(REQUESTS_BEFORE);
    expect(read("src/site.config.ts")).toBe(CONFIG_BEFORE);

    const real = await migrate(dir, [], steps, 3);
    expect(real).toEqual({
      code: 0,
      out: [...expectedLines, "Migrated from data format 1 to 3: 15 changes in 2 files."],
      err: [],
    });
    expect(read("data/requests.csv")).toBe(REQUESTS_AFTER);
    expect(read("src/site.config.ts")).toBe(CONFIG_AFTER);
    expect(read("data/incidents.csv")).toBe(INCIDENTS);

    expect((await migrate(dir, [], steps, 3)).out).toEqual([
      "Nothing to migrate: the site is on data format 3, this Vitrine's.",
    ]);
  });

  it("refuses a CSV file it cannot read to its end, naming file and line, and writes nothing at all", async () => {
    const broken = REQUESTS_BEFORE.replace('"Two requests, one case"', '"Two requests, one case');
    write(broken);
    const result = await migrate(dir, [], [...MIGRATIONS, STEP_2_TO_3], 3);
    expect(result).toEqual({
      code: 1,
      out: [`Data format 1 to 2: ${MIGRATIONS[0]?.describe}.`, `Data format 2 to 3: ${STEP_2_TO_3.describe}.`],
      err: [
        'data/requests.csv:2:8: csv: a quoted cell to end right after its closing quote (write "" for a quote inside a cell), found "req-1,2024-H1,BE,"Federal Police, Brussels",police,subscriber;metadata,2,"Two requests, one case"',
        "Nothing was written. Fix the lines above, then run npx vitrine migrate again.",
      ],
    });
    expect(read("data/requests.csv")).toBe(broken);
    expect(read("src/site.config.ts")).toBe(CONFIG_BEFORE);
  });
});
