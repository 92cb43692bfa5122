import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareReleaseVersions, latestRelease, readReleases } from "../../src/release/release-layout.ts";

/** Writes files (path → text) under a new temporary project root. */
async function projectWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "vitrine-releases-"));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

const manifest = (version: string, date = "2026-01-15") => JSON.stringify({ version, date, dataFormat: 2 });

describe("release versions", () => {
  it("orders by year, then numerically within the year", () => {
    const versions = ["2025.10", "2024.2", "2025.9", "2025.1"];
    expect(versions.toSorted(compareReleaseVersions)).toEqual(["2024.2", "2025.1", "2025.9", "2025.10"]);
    expect(latestRelease(versions.map((version) => ({ version })))?.version).toBe("2025.10");
    expect(latestRelease([])).toBeUndefined();
  });
});

describe("readReleases", () => {
  it("lists a project's releases oldest first", async () => {
    const root = await projectWith({
      "data/releases/2025.10/release.json": manifest("2025.10", "2026-03-01"),
      "data/releases/2025.2/release.json": manifest("2025.2"),
    });
    const { releases, problems } = await readReleases(root);
    expect(problems).toEqual([]);
    expect(releases).toEqual([
      { version: "2025.2", date: "2026-01-15", dataFormat: 2, folder: "data/releases/2025.2" },
      { version: "2025.10", date: "2026-03-01", dataFormat: 2, folder: "data/releases/2025.10" },
    ]);
  });

  it("has none, and no problem, without a releases folder", async () => {
    expect(await readReleases(await projectWith({ "data/requests.csv": "id\n" }))).toEqual({
      releases: [],
      problems: [],
    });
  });

  it("names each folder that is not a release, all in one run", async () => {
    const root = await projectWith({
      "data/releases/latest/release.json": manifest("2025.2"),
      "data/releases/2025.3/notes.txt": "no manifest",
      "data/releases/2025.4/release.json": "{ not json",
      "data/releases/2025.5/release.json": manifest("2025.6"),
      "data/releases/2025.7/release.json": manifest("2025.7", "15/01/2026"),
    });
    const { releases, problems } = await readReleases(root);
    expect(releases).toEqual([]);
    const byFile = Object.fromEntries(problems.map((p) => [p.file, `${p.field}: ${p.expected} / ${p.found}`]));
    expect(Object.keys(byFile).sort()).toEqual([
      "data/releases/2025.3/release.json",
      "data/releases/2025.4/release.json",
      "data/releases/2025.5/release.json",
      "data/releases/2025.7/release.json",
      "data/releases/latest",
    ]);
    expect(byFile["data/releases/latest"]).toMatch(/^folder name: a release version like 2025.2.* \/ latest$/);
    expect(byFile["data/releases/2025.3/release.json"]).toContain("no such file");
    expect(byFile["data/releases/2025.4/release.json"]).toMatch(/^file: JSON \//);
    expect(byFile["data/releases/2025.5/release.json"]).toBe('version: "2025.5", the folder\'s name / 2025.6');
    expect(byFile["data/releases/2025.7/release.json"]).toMatch(/^date: /);
  });
});
