import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import site from "../../src/site.config.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import { projectSite } from "../../src/model/project-model.ts";
import type { OpenDataFile } from "../../src/output/open-data/open-data-files.ts";
import { siteOpenDataFiles } from "../../src/output/open-data/site-open-data.ts";
import { isReleased, releaseFiles } from "../../src/release/release-files.ts";
import { FIXED_NOW, repoRoot } from "../helpers/fixture-site.ts";

describe("releaseFiles", () => {
  let downloads: OpenDataFile[];
  beforeAll(async () => {
    const project = await loadProject(repoRoot, { now: FIXED_NOW });
    downloads = siteOpenDataFiles(projectSite(project, site, FIXED_NOW).model, site, `${site.url}/data/`);
  });

  it.each([
    ["requests.csv", true],
    ["incidents.json", true],
    ["figures.csv", true],
    ["schema/blocking-events.schema.json", true],
    ["schema/figures.schema.json", true],
    ["requests-by-period.csv", false],
    ["incidents-by-period.csv", false],
    ["SHA256SUMS", false],
  ])("releases %s: %s", (name, released) => {
    expect(isReleased(name)).toBe(released);
  });

  it("freezes the record and figure downloads with their schemas, byte for byte, and checksums sha256sum accepts", () => {
    const manifest = { version: "2025.2", date: "2026-11-20", dataFormat: 2 };
    const files = releaseFiles(downloads, manifest);
    expect(files.map((file) => file.name)).toEqual([
      "release.json",
      // Not the derived by-period tables, nor the corrections log and the files describing the data (the
      // data package, CITATION.cff), which the site keeps current: a release freezes the records and figures.
      ...downloads
        .filter((file) => !/-by-period|corrections|^datapackage\.json$|^CITATION\.cff$/.test(file.name))
        .map((file) => file.name),
      "SHA256SUMS",
    ]);
    for (const file of files.slice(1, -1))
      expect(file.body, file.name).toBe(downloads.find((download) => download.name === file.name)?.body);
    expect(JSON.parse(files[0]?.body ?? "")).toEqual(manifest);
    // Written to disk as the command writes them, sha256sum itself checks the list.
    const folder = mkdtempSync(path.join(tmpdir(), "vitrine-release-files-"));
    for (const file of files) {
      mkdirSync(path.dirname(path.join(folder, file.name)), { recursive: true });
      writeFileSync(path.join(folder, file.name), file.body);
    }
    const check = spawnSync("sha256sum", ["-c", "--strict", "SHA256SUMS"], { cwd: folder, encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(check.stdout.trimEnd().split("\n")).toHaveLength(files.length - 1);
  });
});
