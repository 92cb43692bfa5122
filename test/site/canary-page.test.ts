import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fromHtml } from "hast-util-from-html";
import { selectAll, select } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { describe, expect, it } from "vitest";
import site from "../../src/site.config.ts";
import {
  FIXTURE_TRANSLATIONS,
  makeFixtureSite,
  repoRoot,
  runAstro,
  runValidate,
  testRoot,
} from "../helpers/fixture-site.ts";
import { sampleSite, type SampleBase } from "../helpers/sample-sites.ts";

/** The facts /canary.json gives. */
interface CanaryJson {
  issued: string;
  expires: string;
  status: string;
  fingerprint: string;
  statementSha256: string;
  files: { statement: string; signature: string; key: string };
  fingerprintPublishedAt: string[];
  page: string;
}

/** Runs gpg in a throw-away home. */
function gpg(home: string, args: string[]) {
  return spawnSync("gpg", ["--homedir", home, "--batch", ...args], { encoding: "utf8" });
}

describe.each(["/", "/sub/"] as SampleBase[])("the canary of the sample built at %s", (base) => {
  const { dir } = sampleSite(base);
  const dist = (file: string) => path.join(dir, "dist", file);
  const json = JSON.parse(readFileSync(dist("canary.json"), "utf8")) as CanaryJson;
  const html = readFileSync(dist("canary/index.html"), "utf8");
  const tree = fromHtml(html);
  const statement = readFileSync(dist("canary/canary.md"));

  it("publishes /canary.json with the statement's real SHA-256 and the pinned fingerprint", () => {
    expect(json.fingerprint).toBe(site.canary?.fingerprint);
    expect(json.statementSha256).toBe(createHash("sha256").update(statement).digest("hex"));
    expect(json).toMatchObject({ issued: "2026-11-01", expires: "2027-02-01", status: "current" });
    const url = (p: string) => new URL(`${base}${p}`, site.url).href;
    expect(json.files).toEqual({
      statement: url("canary/canary.md"),
      signature: url("canary/canary.md.asc"),
      key: url("canary/canary-key.asc"),
    });
    expect(json.page).toBe(url("canary/"));
    expect(json.fingerprintPublishedAt).toEqual(site.canary?.publishedAt);
  });

  it("ships the three files byte for byte, and gpg finds a good signature by the key /canary.json names", () => {
    for (const name of ["canary.md", "canary.md.asc", "canary-key.asc"])
      expect(readFileSync(dist(`canary/${name}`)).equals(readFileSync(path.join(dir, "content", name)))).toBe(true);
    const home = mkdtempSync(path.join(tmpdir(), "vitrine-gpg-"));
    expect(gpg(home, ["--import", dist("canary/canary-key.asc")]).status).toBe(0);
    const verify = gpg(home, ["--status-fd", "1", "--verify", dist("canary/canary.md.asc"), dist("canary/canary.md")]);
    expect(verify.stdout).toMatch(/^\[GNUPG:\] GOODSIG /m);
    // VALIDSIG <signing key fpr> … <primary key fpr>: the last field is what the site pins.
    expect(verify.stdout.match(/^\[GNUPG:\] VALIDSIG .* ([0-9A-F]{40})$/m)?.[1]).toBe(json.fingerprint);
  });

  it("shows the statement, its dates, the fingerprint as gpg prints it, and the steps to check it", () => {
    const text = toText(tree);
    expect(select("h1", tree) && toText(select("h1", tree)!)).toBe("Warrant canary");
    expect(text).toContain("Valid until 1 February 2027");
    expect(text).toContain("1 November 2026");
    expect(text).toContain("58AD 5EC1 0BD2 037A A0A5  3217 176F BA0C 5FBA 6AB9");
    expect(text).toContain(json.statementSha256);
    expect(text).toContain("We have not been subject to a search or seizure of our servers.");
    expect(text).toContain("gpg --import canary-key.asc");
    expect(text).toContain("gpg --verify canary.md.asc canary.md");
    expect(text).toContain(`curl -O ${json.files.statement}`);
    const hrefs = selectAll("main a", tree).map((a) => String(a.properties["href"]));
    for (const name of ["canary.md", "canary.md.asc", "canary-key.asc"])
      expect(hrefs).toContain(`${base}canary/${name}`);
    expect(hrefs).toContain(`${base}canary.json`);
  });

  it("links where else the fingerprint is published, without a referrer", () => {
    for (const link of site.canary?.publishedAt ?? []) {
      const anchor = selectAll("main a", tree).find((a) => a.properties["href"] === link);
      expect(anchor, link).toBeDefined();
      expect(anchor?.properties["rel"]).toEqual(["noreferrer"]);
    }
  });

  it("is in the sitemap, linked from the footer of every page and from the About page, which keeps no canary text of its own", () => {
    expect(readFileSync(dist("sitemap-0.xml"), "utf8")).toContain(`<loc>${json.page}</loc>`);
    const home = fromHtml(readFileSync(dist("index.html"), "utf8"));
    expect(selectAll("footer a", home).map((a) => a.properties["href"])).toContain(`${base}canary/`);
    const about = readFileSync(dist("about/index.html"), "utf8");
    expect(about).not.toContain("has not received any order");
    expect(about).toMatch(/href="[^"]*canary\/"/);
  });
});

describe("a canary that does not verify stops validate and the build", () => {
  it.each([
    [
      "edited after signing",
      (dir: string) => {
        const file = path.join(dir, "content/canary.md");
        writeFileSync(file, readFileSync(file, "utf8").replace("We have not been subject", "We have been subject"));
      },
      'content/canary.md.asc:1:1: signature: a signature of canary.md as it is now, by the pinned key 58AD 5EC1 0BD2 037A A0A5  3217 176F BA0C 5FBA 6AB9, made before the build (2026-11-28 12:00 UTC); after any edit, sign again: gpg --armor --detach-sign content/canary.md, found "a signature that does not match canary.md: the file was changed after it was signed"',
    ],
    [
      "signed by a key that is not pinned",
      (dir: string) => {
        copyFileSync(path.join(testRoot, "fixtures/canary/key-b.asc"), path.join(dir, "content/canary-key.asc"));
      },
      "content/canary-key.asc:1:1: key: the key pinned in src/site.config.ts",
    ],
  ])("%s", (name, spoil, expected) => {
    const dir = makeFixtureSite(`canary-${name.replace(/\W+/g, "-")}`, repoRoot, {
      translations: FIXTURE_TRANSLATIONS,
    });
    spoil(dir);
    const validate = runValidate(dir);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain(expected);
    const build = runAstro(dir, ["build"]);
    expect(build.code).toBe(1);
    expect(build.output).toContain(expected);
    expect(build.output).not.toMatch(/^\s+at /m);
  });
});
