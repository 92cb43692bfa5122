import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { projectSite } from "../../../src/model/project-model.ts";
import { sha256Hex } from "../../../src/output/open-data/checksums.ts";
import { DATA_PACKAGE_FILE } from "../../../src/output/open-data/data-package.ts";
import type { OpenDataFile } from "../../../src/output/open-data/open-data-files.ts";
import { siteOpenDataFiles } from "../../../src/output/open-data/site-open-data.ts";
import type { TableSchema } from "../../../src/output/open-data/table-schema.ts";
import site from "../../../src/site.config.ts";
import { dataPackageProblems } from "../../helpers/data-package-check.ts";
import { FIXED_NOW, repoRoot } from "../../helpers/fixture-site.ts";

interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  schema: TableSchema;
}
interface Descriptor {
  version?: string;
  licenses: { name: string; path: string }[];
  resources: Resource[];
}

/** The sample site's downloads written to a new folder, as the build writes them under dist/data/. */
function writeDownloads(files: readonly OpenDataFile[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "vitrine-datapackage-"));
  mkdirSync(path.join(dir, "schema"));
  for (const file of files) writeFileSync(path.join(dir, file.name), file.body);
  return dir;
}

const readDescriptor = (dir: string): Descriptor =>
  JSON.parse(readFileSync(path.join(dir, DATA_PACKAGE_FILE), "utf8")) as Descriptor;

/** Replaces a resource's file and updates its bytes and hash in the descriptor, so only the rows can be wrong. */
function replaceResource(dir: string, name: string, body: string): void {
  writeFileSync(path.join(dir, name), body);
  const descriptor = readDescriptor(dir);
  const resource = descriptor.resources.find((r) => r.path === name);
  if (!resource) throw new Error(`No resource ${name}`);
  resource.bytes = Buffer.byteLength(body, "utf8");
  resource.hash = `sha256:${sha256Hex(body)}`;
  writeFileSync(path.join(dir, DATA_PACKAGE_FILE), JSON.stringify(descriptor));
}

describe("the data package of the downloads, checked with frictionlessdata's datapackage and tableschema", () => {
  let files: OpenDataFile[];
  const body = (name: string): string => files.find((f) => f.name === name)?.body ?? "";

  beforeAll(async () => {
    const now = FIXED_NOW;
    const project = await loadProject(repoRoot, { now, expiredCanary: "warning" });
    files = siteOpenDataFiles(projectSite(project, site, now).model, site, "https://example.org/data/", {
      version: "2025.2",
      date: "2026-01-10",
    });
  });

  it("describes the sample's CSV downloads so that every row of every file is valid", async () => {
    const dir = writeDownloads(files);
    expect(readDescriptor(dir).resources.map((r) => r.path)).toEqual([
      "requests.csv",
      "figures.csv",
      "blocking-events.csv",
      "incidents.csv",
    ]);
    expect(await dataPackageProblems(path.join(dir, DATA_PACKAGE_FILE), dir)).toEqual([]);
  });

  it("gives each resource the columns of its CSV file, in order, each with a description", () => {
    const { resources } = JSON.parse(body(DATA_PACKAGE_FILE)) as Descriptor;
    for (const resource of resources) {
      const [header]: string[][] = parse(body(resource.path), { bom: true, to_line: 1 });
      expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
      for (const field of resource.schema.fields) expect(field.description.length, field.name).toBeGreaterThan(10);
    }
  });

  it("fails a row with a value outside its vocabulary and a duplicate id, naming the row and column", async () => {
    const dir = writeDownloads(files);
    const rows: string[][] = parse(body("requests.csv"), { bom: true });
    const header = rows[0] ?? [];
    const outcome = header.indexOf("outcome");
    const [first, second] = [rows[1] ?? [], rows[2] ?? []];
    second[outcome] = "leaked";
    rows[3] = [first[0] ?? "", ...(rows[3] ?? []).slice(1)];
    const broken = `\uFEFF${rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(",")).join("\r\n")}\r\n`;
    replaceResource(dir, "requests.csv", broken);
    const problems = await dataPackageProblems(path.join(dir, DATA_PACKAGE_FILE), dir);
    expect(problems).toContainEqual(expect.stringMatching(/^requests\.csv: row 3: column 13: .*"leaked".*"enum"/));
    expect(problems).toContainEqual(expect.stringMatching(/^requests\.csv: row 4: .*unique constraint.*"id"/));
    expect(problems).toHaveLength(2);
  });

  it("fails a descriptor the Tabular Data Package profile refuses: a resource name with capitals, no Table Schema", async () => {
    const dir = writeDownloads(files);
    const descriptor = readDescriptor(dir) as unknown as { resources: Record<string, unknown>[] };
    descriptor.resources[0] = { ...descriptor.resources[0], name: "Requests Log" };
    delete descriptor.resources[1]?.["schema"];
    writeFileSync(path.join(dir, DATA_PACKAGE_FILE), JSON.stringify(descriptor));
    const problems = await dataPackageProblems(path.join(dir, DATA_PACKAGE_FILE), dir);
    expect(problems).toContainEqual(expect.stringMatching(/does not match pattern[\s\S]*"\/resources\/0\/name"/));
    expect(problems).toContainEqual(expect.stringMatching(/"\/resources\/1" in descriptor/));
  });

  it("fails a file that is not the one the descriptor's bytes and hash describe", async () => {
    const dir = writeDownloads(files);
    writeFileSync(path.join(dir, "incidents.csv"), body("incidents.csv").replace("high", "low"));
    const problems = await dataPackageProblems(path.join(dir, DATA_PACKAGE_FILE), dir);
    expect(problems).toEqual([
      expect.stringMatching(/^incidents\.csv: bytes is \d+, the file has \d+$/),
      expect.stringMatching(/^incidents\.csv: hash is sha256:[0-9a-f]{64}, the file's is sha256:[0-9a-f]{64}$/),
    ]);
  });

  it("carries the latest release's version and the site's licence", () => {
    const descriptor = JSON.parse(body(DATA_PACKAGE_FILE)) as Descriptor;
    expect(descriptor.version).toBe("2025.2");
    expect(descriptor.licenses).toEqual([
      { name: site.openData.licence.id, path: site.openData.licence.url, title: site.openData.licence.name },
    ]);
  });
});
