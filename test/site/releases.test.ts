import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { afterAll, describe, expect, it } from "vitest";
import site from "../../src/site.config.ts";
import { groupFingerprint } from "../../src/format/fingerprint.ts";
import { FIXTURE_TRANSLATIONS, makeFixtureSite, repoRoot, runAstro } from "../helpers/fixture-site.ts";
import { sampleSite, type SampleBase } from "../helpers/sample-sites.ts";

/** The sample's committed releases, from the repository itself (not from the build). */
const committed = readdirSync(path.join(repoRoot, "data/releases")).sort();
/** The files of a committed release, relative to its folder. */
const filesOf = (version: string): string[] =>
  readdirSync(path.join(repoRoot, "data/releases", version), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(path.join(repoRoot, "data/releases", version), path.join(entry.parentPath, entry.name)),
    )
    .sort();

const homes: string[] = [];
afterAll(() => {
  for (const home of homes) {
    spawnSync("gpgconf", ["--homedir", home, "--kill", "all"]);
    rmSync(home, { recursive: true, force: true });
  }
});

describe.each(["/", "/sub/"] as SampleBase[])("the dataset releases of the sample built at %s", (base) => {
  const { dir } = sampleSite(base);
  const dist = (file: string) => path.join(dir, "dist", file);
  const tree = fromHtml(readFileSync(dist("data/index.html"), "utf8"));
  const latest = committed.at(-1) ?? "";

  it("serves every file of every release byte for byte as committed", () => {
    expect(committed.length).toBeGreaterThan(0);
    for (const version of committed) {
      const served = readdirSync(dist(`data/releases/${version}`), { recursive: true, withFileTypes: true }).filter(
        (entry) => entry.isFile(),
      );
      expect(served).toHaveLength(filesOf(version).length);
      for (const name of filesOf(version)) {
        const bytes = readFileSync(dist(`data/releases/${version}/${name}`));
        expect(bytes.equals(readFileSync(path.join(repoRoot, "data/releases", version, name))), name).toBe(true);
      }
    }
  });

  it("serves releases that a reader checks with sha256sum -c and gpg --verify against the site's published key", () => {
    const home = mkdtempSync(path.join(tmpdir(), "vitrine-release-reader-"));
    homes.push(home);
    const gpg = (args: string[], cwd?: string) =>
      spawnSync("gpg", ["--homedir", home, "--batch", ...args], { encoding: "utf8", cwd });
    expect(gpg(["--import", dist("canary/canary-key.asc")]).status).toBe(0);
    for (const version of committed) {
      const folder = dist(`data/releases/${version}`);
      const sums = spawnSync("sha256sum", ["-c", "--strict", "SHA256SUMS"], { cwd: folder, encoding: "utf8" });
      expect(sums.stderr).toBe("");
      expect(sums.status).toBe(0);
      const verify = gpg(["--status-fd", "1", "--verify", "SHA256SUMS.asc", "SHA256SUMS"], folder);
      expect(verify.status).toBe(0);
      expect(verify.stdout).toContain(`[GNUPG:] VALIDSIG ${site.canary?.fingerprint}`);
    }
  });

  it("names the current release on /data/ and links every file of every release", () => {
    const manifest = JSON.parse(readFileSync(dist(`data/releases/${latest}/release.json`), "utf8")) as { date: string };
    const current = select("#current-release", tree);
    expect(current && toText(current)).toContain(`The current dataset release is ${latest}`);
    expect(current && select(`time[datetime="${manifest.date}"]`, current)).toBeTruthy();
    const links = selectAll("#releases h3 ~ * a", tree).map((a) => String(a.properties["href"]));
    const expected = committed.flatMap((version) =>
      filesOf(version).map((name) => `${base}data/releases/${version}/${name}`),
    );
    expect(links.sort()).toEqual(expected.sort());
  });

  it("explains on /data/ how to check a release and a mirror's copy, with the key and its fingerprint", () => {
    const verify = select('section[aria-labelledby="verify-heading"]', tree);
    // toText keeps the page's runs of white space; the fingerprint's two-space gap is one space of HTML.
    const text = verify ? toText(verify).replace(/[ \t]+/g, " ") : "";
    expect(text).toContain("sha256sum -c SHA256SUMS");
    expect(text).toContain("gpg --import canary-key.asc");
    expect(text).toContain("gpg --verify SHA256SUMS.asc SHA256SUMS");
    expect(text).toContain(groupFingerprint(site.canary?.fingerprint ?? "").replace(/ +/g, " "));
    expect(text).toMatch(/a reader behind a block, who cannot reach this site, can\s+still tell whether a copy/);
    expect(verify && select(`a[href="${base}canary/canary-key.asc"]`, verify)).toBeTruthy();
  });

  it("names the current release in the report page's footer", () => {
    const report = fromHtml(readFileSync(dist("transparency/index.html"), "utf8"));
    const footer = select("footer.site-footer", report);
    expect(footer && toText(footer)).toMatch(
      new RegExp(`Data: release ${latest.replace(".", "\\.")}, of \\d+ \\w+ \\d{4}\\.`),
    );
    expect(footer && select(`a[href="${base}data/#releases"]`, footer)).toBeTruthy();
  });

  it("covers the releases in the data folder's own SHA256SUMS", () => {
    const listed = readFileSync(dist("data/SHA256SUMS"), "utf8");
    for (const version of committed)
      for (const name of filesOf(version)) expect(listed).toContain(`  releases/${version}/${name}\n`);
  });
});

describe("a release that changed stops the build", () => {
  it("names a changed file and a missing signature, and builds nothing", () => {
    const dir = makeFixtureSite("release-changed", repoRoot, {
      keepReleases: true,
      translations: FIXTURE_TRANSLATIONS,
    });
    const version = committed.at(-1) ?? "";
    const folder = `data/releases/${version.replace(".", "\\.")}`;
    appendFileSync(path.join(dir, "data/releases", version, "figures.csv"), "2024,,requests,total,,53,,,,\r\n");
    rmSync(path.join(dir, "data/releases", version, "SHA256SUMS.asc"));
    const build = runAstro(dir, ["build"]);
    expect(build.code).toBe(1);
    expect(build.output).toMatch(new RegExp(`^${folder}/figures\\.csv:1:1: file: the bytes released`, "m"));
    expect(build.output).toMatch(new RegExp(`^${folder}/SHA256SUMS\\.asc:1:1: signature: `, "m"));
    expect(build.output).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir)).not.toContain("dist");
  });
});
