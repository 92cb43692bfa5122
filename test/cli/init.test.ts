import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { nameFromFolder, packageNameFromFolder, runInit, type PackageManifest } from "../../src/cli/init.ts";
import { todayIn } from "../../src/cli/new-post.ts";
import { blockingEventSpec } from "../../src/contract/schemas/blocking-event.ts";
import { incidentSpec } from "../../src/contract/schemas/incident.ts";
import { requestSpec } from "../../src/contract/schemas/request.ts";
import { SiteConfigSchema } from "../../src/contract/site-config-schema.ts";
import { repoRoot, runValidate } from "../helpers/fixture-site.ts";
import {
  commonProblems,
  deployProblems,
  pinProblems,
  runs,
  schemaErrors,
  stepOrder,
  usesAction,
  type Workflow,
} from "../helpers/workflow-rules.ts";

const tmp = path.join(repoRoot, "test/.tmp/init");
const own = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as PackageManifest;

/** Runs `vitrine init` with `args` in test/.tmp/init, collecting what it prints. */
async function init(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runInit(
    args,
    tmp,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out, err };
}

/** Every file under `dir`, relative to it with `/` separators, sorted; `node_modules` left out. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes("node_modules"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The key paths of a zod object schema and of the objects inside it (`report.period`, `services.id`…). */
function keyPaths(schema: z.ZodType, prefix = ""): string[] {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; element?: z.ZodType };
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => [
      `${prefix}${key}`,
      ...keyPaths(inner, `${prefix}${key}.`),
    ]);
  if (def.innerType) return keyPaths(def.innerType, prefix);
  if (def.element) return keyPaths(def.element, prefix);
  return [];
}

/** The lines of a source file that are code: no blank lines, no `//` comment lines. */
const codeLines = (text: string): string[] =>
  text.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("//"));

beforeAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
});

describe("vitrine init <folder>", () => {
  const site = path.join(tmp, "my-report");
  const read = (file: string): string => readFileSync(path.join(site, file), "utf8");
  let printed: { code: number; out: string[]; err: string[] };
  let days: string[];

  beforeAll(async () => {
    const before = todayIn("UTC");
    printed = await init(["my-report"]);
    days = [before, todayIn("UTC")];
  });

  it("writes every file of the template and the four data files, and prints each one and the next two commands", () => {
    expect(printed.err).toEqual([]);
    expect(printed.code).toBe(0);
    const template = filesUnder(path.join(repoRoot, "templates/site")).map((file) =>
      file === "gitignore" ? ".gitignore" : file,
    );
    const expected = [
      ...template,
      "data/blocking-events.csv",
      "data/corrections.csv",
      "data/incidents.csv",
      "data/requests.csv",
    ].sort();
    expect(filesUnder(site)).toEqual(expected);
    expect(expected).toEqual(
      expect.arrayContaining([
        ".github/workflows/deploy.yml",
        ".github/workflows/test.yml",
        ".gitignore",
        ".nvmrc",
        "README.md",
        "astro.config.mjs",
        "package.json",
        "public/favicon.svg",
        "src/content.config.ts",
        "src/site.config.ts",
        "tsconfig.json",
      ]),
    );
    expect(expected.filter((file) => file.startsWith("content/blog/")).length).toBe(1);
    expect(expected.filter((file) => file.startsWith("content/authors/")).length).toBe(1);
    expect(printed.out[0]).toBe("Created a Vitrine site for My Report in my-report/:");
    expect(printed.out.slice(1, 1 + expected.length)).toEqual(expected.map((file) => `  ${file}`));
    expect(printed.out.slice(-2)).toEqual(["  npm install", "  npm run build"]);
  });

  it("fills in every token and carries nothing of the reference site", () => {
    for (const file of filesUnder(site)) {
      const text = read(file);
      expect(text, file).not.toMatch(/\{\{\w*\}\}/);
      expect(text, file).not.toMatch(/velin/i);
      expect(text.length, file).toBeGreaterThan(0);
    }
    expect(read("src/site.config.ts")).toContain('name: "My Report Transparency Report",');
    expect(read("src/site.config.ts")).toContain('url: "https://transparency.example.org",');
    expect(read("README.md").split("\n")[0]).toBe("# My Report Transparency Report");
    expect(days).toContain(/date: "(\d{4}-\d{2}-\d{2})"/.exec(read("content/blog/hello.mdx"))?.[1]);
  });

  it("writes a package.json that depends on this version of vitrine, its astro range and its Node", () => {
    const manifest = JSON.parse(read("package.json")) as PackageManifest & Record<string, unknown>;
    expect(manifest).toEqual({
      name: "my-report",
      private: true,
      type: "module",
      scripts: {
        dev: "ASTRO_TELEMETRY_DISABLED=1 astro dev",
        build: "ASTRO_TELEMETRY_DISABLED=1 astro build",
        preview: "ASTRO_TELEMETRY_DISABLED=1 astro preview",
        validate: "vitrine validate",
        "new:post": "vitrine new post",
        doctor: "vitrine doctor",
        release: "vitrine release",
        test: "vitrine validate && ASTRO_TELEMETRY_DISABLED=1 astro build",
      },
      engines: { node: own.engines?.["node"] },
      dependencies: {
        astro: own.peerDependencies?.["astro"] ?? own.dependencies?.["astro"],
        vitrine: `^${own.version}`,
      },
      devDependencies: { node: own.devDependencies?.["node"] },
      allowScripts: { node: own.allowScripts?.["node"], esbuild: own.allowScripts?.["esbuild"] },
    });
    expect(manifest.dependencies?.["astro"]).toMatch(/^\^7\./);
    expect(manifest.devDependencies?.["node"]).toMatch(/^\^24\./);
  });

  it("writes each data file with its header line only: the record spec's columns, in order", () => {
    for (const spec of [requestSpec, blockingEventSpec, incidentSpec]) {
      const rows: string[][] = parseCsv(read(spec.file));
      expect(rows, spec.file).toEqual([Object.keys(spec.shape)]);
    }
    expect(read("data/requests.csv").split(",")).toContain("service");
  });

  it("writes the Astro config, the collections and the site config in the shape every site uses", () => {
    expect(codeLines(read("astro.config.mjs"))).toEqual([
      'import { defineConfig } from "astro/config";',
      'import vitrine from "vitrine";',
      'import site from "./src/site.config.ts";',
      "export default defineConfig({ integrations: [vitrine(site)] });",
    ]);
    expect(read("astro.config.mjs").startsWith("// @ts-check\n")).toBe(true);
    expect(codeLines(read("src/content.config.ts"))).toEqual([
      'import { vitrineCollections } from "vitrine/content";',
      "export const collections = vitrineCollections();",
    ]);
    expect(codeLines(read("src/site.config.ts")).slice(0, 2)).toEqual([
      'import { defineSiteConfig } from "vitrine/config";',
      "export default defineSiteConfig({",
    ]);
    expect(JSON.parse(read("tsconfig.json"))).toMatchObject({ extends: "astro/tsconfigs/strictest" });
    expect(read(".gitignore").split("\n")).toEqual(expect.arrayContaining(["node_modules/", "dist/", ".astro/"]));
    expect(read(".nvmrc").trim()).toBe(readFileSync(path.join(repoRoot, ".nvmrc"), "utf8").trim());
    expect(read("public/favicon.svg")).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("gives every key of the site config schema a value and a one-line comment, the canary's and the look's only as examples", () => {
    const lines = read("src/site.config.ts").split("\n");
    const keyLine = (key: string, commented: boolean): number =>
      lines.findIndex((line) => new RegExp(`^\\s*${commented ? "//\\s+" : ""}${key}:`).test(line));
    // The canary and the keys of a site's own look are examples, commented out, until a site has their files; so are
    // the onion address and mirrors, until a site runs them; and the next report's due date, which only the
    // organisation can promise.
    const exampleKeys = keyPaths(SiteConfigSchema).filter((key) =>
      /^(canary|components|theme|logo|customCss|onion|mirrors|report\.nextDue)\b/.test(key),
    );
    for (const keyPath of keyPaths(SiteConfigSchema)) {
      const key = keyPath.split(".").at(-1) ?? "";
      const commented = exampleKeys.includes(keyPath);
      const index = keyLine(key, commented);
      expect(index, keyPath).toBeGreaterThan(0);
      expect(lines[index - 1]?.trim(), `the comment above ${keyPath}`).toMatch(/^\/\/\s+(?:\/\/ )?\S/);
    }
    expect(keyLine("canary", false)).toBe(-1);
    expect(keyLine("dataFormat", false)).toBeGreaterThan(0);
    expect(read("src/site.config.ts")).toContain("dataFormat: 2,");
    for (const key of ["requests", "blockingEvents", "incidents"])
      expect(read("src/site.config.ts")).toMatch(new RegExp(`^\\s*${key}: true,$`, "m"));
  });

  it("is valid: the source validate finds nothing to fix in the new site", () => {
    // The site imports "vitrine/config"; installed, that is node_modules/vitrine. Here it is this checkout.
    mkdirSync(path.join(site, "node_modules"), { recursive: true });
    symlinkSync(repoRoot, path.join(site, "node_modules/vitrine"), "dir");
    const result = runValidate(site);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^All valid in [\d.]+ s: 0 rows \(0 requests\), 0 published figures, 0 blocking events, 0 incidents, 1 posts, 1 authors, /,
    );
  });

  it("writes deploy and test workflows that the repository's own workflow rules accept", () => {
    const deploy = read(".github/workflows/deploy.yml");
    const test = read(".github/workflows/test.yml");
    for (const source of [deploy, test]) {
      expect(schemaErrors(source)).toEqual([]);
      expect(pinProblems(source)).toEqual([]);
    }
    expect(deployProblems(parseYaml(deploy) as Workflow)).toEqual([]);
    const workflow = parseYaml(test) as Workflow;
    expect(commonProblems(workflow)).toEqual([]);
    expect(Object.keys(workflow.on ?? {}).sort()).toEqual(["pull_request", "workflow_dispatch"]);
    expect(
      stepOrder(workflow.jobs?.["test"]?.steps ?? [], [
        ["checkout", (s) => usesAction(s, "actions/checkout")],
        ["setup-node", (s) => usesAction(s, "actions/setup-node")],
        ["npm ci", (s) => runs(s, "npm ci")],
        ["npm test", (s) => runs(s, "npm test")],
      ]),
    ).toEqual([]);
  });

  it("puts the two commands first in the README, then data, posts and upgrades", () => {
    const readme = read("README.md");
    expect(readme.split("\n").slice(2, 6)).toEqual(["```sh", "npm install", "npm run build", "```"]);
    for (const text of ["npm run dev", "data/requests.csv", "npm run new:post", "npm install vitrine@latest"])
      expect(readme).toContain(text);
  });
});

describe("vitrine init options", () => {
  it("takes the organisation's name from --name and the address from --url", async () => {
    const { code, err } = await init([
      "acme",
      "--name",
      "Acme Mail & Co",
      "--url",
      "https://transparency.acme.example",
    ]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const config = readFileSync(path.join(tmp, "acme/src/site.config.ts"), "utf8");
    expect(config).toContain('name: "Acme Mail & Co Transparency Report",');
    expect(config).toContain('url: "https://transparency.acme.example",');
    expect(config).toMatch(/organisation: \{\n\s*\/\/ .*\n\s*name: "Acme Mail & Co",/);
    expect(JSON.parse(readFileSync(path.join(tmp, "acme/package.json"), "utf8"))).toMatchObject({ name: "acme" });
  });

  it("refuses a folder with anything in it, and writes nothing there", async () => {
    const taken = path.join(tmp, "taken");
    mkdirSync(taken, { recursive: true });
    writeFileSync(path.join(taken, "notes.txt"), "mine\n");
    const { code, out, err } = await init(["taken"]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      "taken: an empty folder (or one that does not exist yet), found one with files in it: nothing was written.",
    ]);
    expect(readdirSync(taken)).toEqual(["notes.txt"]);
    writeFileSync(path.join(tmp, "a-file"), "");
    expect((await init(["a-file"])).code).toBe(1);
  });

  it("writes into an empty folder that already exists", async () => {
    mkdirSync(path.join(tmp, "empty"));
    expect((await init(["empty"])).code).toBe(0);
    expect(existsSync(path.join(tmp, "empty/src/site.config.ts"))).toBe(true);
  });

  it.each([
    [[], /^Usage: vitrine init <folder>/],
    [["one", "two"], /^Usage: vitrine init <folder>/],
    [["bad-option", "--draft"], /Unknown option '--draft'[\s\S]*Usage: vitrine init/],
    [
      ["bad-name", "--name", 'Acme "Mail"'],
      /^--name: the organisation's name, without quotes.*found "Acme \\"Mail\\""$/,
    ],
    [["bad-name", "--name", "  "], /^--name: .*found " {2}"$/],
    [
      ["bad-url", "--url", "ftp://files.example.org"],
      /^--url: the site's public address, like https:\/\/.*found "ftp:/,
    ],
    [["bad-url", "--url", "transparency.example.org"], /^--url: .*found "transparency\.example\.org"$/],
  ])("refuses %j with a message and writes nothing", async (args, message) => {
    const { code, out, err } = await init(args);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join("\n")).toMatch(message);
    for (const name of ["bad-option", "bad-name", "bad-url", "one"])
      expect(existsSync(path.join(tmp, name))).toBe(false);
  });

  it("prints its usage for --help", async () => {
    const { code, out } = await init(["--help"]);
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(/^Usage: vitrine init <folder>/);
  });
});

describe("names from the folder name", () => {
  it.each([
    ["my-report", "My Report", "my-report"],
    ["acme_transparency", "Acme Transparency", "acme_transparency"],
    ["Report 2026", "Report 2026", "report-2026"],
    [".hidden", ".hidden", "hidden"],
    ["---", "Our Organisation", "transparency-report"],
    ["Отчёт", "Отчёт", "otchyot"],
  ])("%j gives the organisation %j and the package %j", (folder, name, pkg) => {
    expect(nameFromFolder(folder)).toBe(name);
    expect(packageNameFromFolder(folder)).toBe(pkg);
  });
});
