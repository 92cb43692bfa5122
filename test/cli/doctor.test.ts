import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runDoctor } from "../../src/cli/doctor.ts";
import { pagesAddressCheck } from "../../src/cli/doctor/deploy-check.ts";
import { originRepository } from "../../src/cli/doctor/git-remote.ts";
import { nodeCheck } from "../../src/cli/doctor/versions.ts";
import { validateOptions } from "../../src/cli/validate.ts";
import { groupFingerprint } from "../../src/format/fingerprint.ts";
import { describeProject, loadProject } from "../../src/load/project/load-project.ts";
import { readSiteConfig } from "../../src/load/project/read-site-config.ts";
import { FIXED_NOW, childEnv, makeFixtureSite, repoRoot, testRoot } from "../helpers/fixture-site.ts";

/** A copy of the sample site (data, content, config, workflows) under test/.tmp, changed by `change`. */
function doctorSite(name: string, change: (dir: string) => void = () => {}): string {
  const dir = makeFixtureSite(`doctor-${name}`);
  cpSync(path.join(repoRoot, ".github"), path.join(dir, ".github"), { recursive: true });
  change(dir);
  return dir;
}

/** Runs `vitrine doctor` in `dir`: its exit code and what it printed, line by line. */
async function doctor(dir: string, args: string[] = []): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDoctor(
    args,
    dir,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out, err };
}

/** Replaces `from` with `to` in a file of `dir`, failing when `from` is not there (so a test cannot pass by accident). */
function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path.join(dir, file), "utf8");
  expect(text).toMatch(from);
  writeFileSync(path.join(dir, file), text.replace(from, to));
}

const SAMPLE_URL = 'url: "https://transparency.velinmail.be"';
const canaryFixtures = path.join(testRoot, "fixtures/canary");
const keyA = readFileSync(path.join(canaryFixtures, "key-a.fingerprint"), "utf8").trim();

/**
 * The canary of test/fixtures/canary (see its README) with `signature` as its signature, and key A pinned.
 * The sample's dataset releases go: they are signed by the sample's key, which key A replaces.
 */
function fixtureCanary(dir: string, statement: string, signature: string): void {
  rmSync(path.join(dir, "data/releases"), { recursive: true, force: true });
  copyFileSync(path.join(canaryFixtures, statement), path.join(dir, "content/canary.md"));
  copyFileSync(path.join(canaryFixtures, signature), path.join(dir, "content/canary.md.asc"));
  copyFileSync(path.join(canaryFixtures, "key-a.asc"), path.join(dir, "content/canary-key.asc"));
  edit(dir, "src/site.config.ts", /fingerprint: "[^"]+"/, `fingerprint: "${keyA}"`);
}

/** Makes `dir` a git repository whose remote `origin` is `url`, with git itself. */
function gitOrigin(dir: string, url: string): void {
  for (const args of [
    ["init", "-q"],
    ["remote", "add", "origin", url],
  ])
    expect(spawnSync("git", args, { cwd: dir, encoding: "utf8" }).status).toBe(0);
}

/** A site published at https://acme.github.io/report/ by a Pages workflow that builds with the config's own base. */
function projectPage(dir: string, base: string): void {
  gitOrigin(dir, "git@github.com:acme/report.git");
  edit(dir, "src/site.config.ts", SAMPLE_URL, 'url: "https://acme.github.io"');
  edit(dir, "src/site.config.ts", 'base: "/"', `base: "${base}"`);
  edit(dir, ".github/workflows/deploy.yml", /npm run build -- --base .*/, "npm run build");
  withoutOnion(dir);
}

/** Takes the sample's onion address out of the config of `dir` (a site on GitHub Pages with one gets a warning of its own). */
function withoutOnion(dir: string): void {
  edit(dir, "src/site.config.ts", /\n\s*onion: "[^"]+",/, "");
}

const marked = (lines: string[], mark: string, topic: string) =>
  lines.filter((line) => line.startsWith(`${mark.padEnd(7)} ${topic}:`));

beforeEach(() => vi.stubEnv("SOURCE_DATE_EPOCH", String(FIXED_NOW.getTime() / 1000)));
afterEach(() => vi.unstubAllEnvs());

describe("vitrine doctor", () => {
  it("says ok to every check of the sample site, with what it found, and exits 0", async () => {
    const dir = doctorSite("sample", withoutOnion);
    const { code, out, err } = await doctor(dir);
    const { config } = await readSiteConfig(dir);
    const project = await loadProject(dir, validateOptions(config));
    const { engines, peerDependencies } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      engines: { node: string };
      peerDependencies: { astro: string };
    };
    const astro = JSON.parse(readFileSync(path.join(repoRoot, "node_modules/astro/package.json"), "utf8")) as {
      version: string;
    };
    expect(err).toEqual([]);
    expect(out).toEqual([
      `ok      Node: ${process.versions.node} (vitrine needs ${engines.node})`,
      `ok      Astro: ${astro.version} (vitrine needs ${peerDependencies.astro})`,
      'ok      Config: src/site.config.ts is valid ("Velin Mail Transparency", base /)',
      "ok      Config: url is https://transparency.velinmail.be",
      `ok      Canary: content/canary.md is signed by the pinned key ${groupFingerprint(config?.canary?.fingerprint ?? "")} (on ${project.canary?.signedAt.slice(0, 10)}); it expires on 2027-02-01, in 65 days`,
      "ok      Report: the report for the second half of 2026 is due on 2027-01-31, in 64 days",
      `ok      Data: ${describeProject(project)}`,
      "ok      Cache: none yet (node_modules/.astro is empty or absent; a build makes it)",
      "ok      Deploy: .github/workflows/deploy.yml deploys to GitHub Pages on push to main, on a schedule, by hand; it runs validate first, not the tests, which run in .github/workflows/test.yml (on pull requests, by hand)",
      'ok      Deploy: url https://transparency.velinmail.be and base "/" agree: GitHub Pages serves a custom domain (transparency.velinmail.be, set in the repository\'s Settings → Pages) at its root',
      "Everything checked is ok.",
    ]);
    expect(project.problems).toEqual([]);
    expect(code).toBe(0);
  });

  it.each([
    [
      "placeholder-url",
      'url: "https://transparency.example.org"',
      "url is still a placeholder address, https://transparency.example.org",
    ],
    [
      "http-url",
      'url: "http://transparency.velinmail.be"',
      "url is not an https address: http://transparency.velinmail.be",
    ],
  ])("refuses a config whose url is not the site's real https address (%s)", async (name, url, found) => {
    const { code, out } = await doctor(doctorSite(name, (dir) => edit(dir, "src/site.config.ts", SAMPLE_URL, url)));
    expect(marked(out, "problem", "Config")).toEqual([
      `problem Config: ${found} To fix: set url in src/site.config.ts to the https:// address the site will be served at (feeds, canonical links, social cards and the canary page print it)`,
    ]);
    expect(code).toBe(1);
  });

  it("names the bad key of a config that does not load, and still runs every other check", async () => {
    const dir = doctorSite("bad-config", (d) =>
      edit(d, "src/site.config.ts", 'name: "Velin Mail Transparency"', 'name: ""'),
    );
    const { code, out } = await doctor(dir);
    expect(marked(out, "problem", "Config")).toEqual([
      "problem Config: src/site.config.ts does not load: The site configuration is invalid: src/site.config.ts: name: the site's name, found \"\" To fix: correct the keys named above in src/site.config.ts; each key is documented in vitrine's site config schema",
    ]);
    expect(marked(out, "warning", "Canary")).toEqual([
      "warning Canary: not checked: the site config did not load To fix: see the Config line",
    ]);
    expect(marked(out, "warning", "Report")).toEqual([
      "warning Report: not checked: the site config did not load To fix: see the Config line",
    ]);
    // The others ran: Node, Astro, data (without the config, the canary's pin is missing), cache, deploy.
    for (const topic of ["Node", "Astro", "Cache", "Deploy"]) expect(marked(out, "ok", topic)).toHaveLength(1);
    expect(marked(out, "problem", "Data")).toHaveLength(1);
    expect(out.at(-1)).toMatch(/^\d+ problems?, 2 warnings\. Fix the problems first/);
    expect(code).toBe(1);
  });

  it("refuses a canary signed by another key than the pinned one, in validate's words", async () => {
    const dir = doctorSite("canary-by-b", (d) => fixtureCanary(d, "canary.md", "canary.md.by-b.asc"));
    const { code, out } = await doctor(dir);
    const [line, ...others] = marked(out, "problem", "Canary");
    expect(others).toEqual([]);
    expect(line).toMatch(
      /^problem Canary: content\/canary\.md\.asc:1:1: signature: a signature of canary\.md as it is now, by the pinned key .*, found "a signature by another key \(key ID [0-9A-F]{16}\)" To fix: /,
    );
    expect(marked(out, "ok", "Canary")).toEqual([]);
    expect(code).toBe(1);
  });

  it("says which key signed a good canary, when, and when it expires; an expired one is a problem", async () => {
    const good = await doctor(doctorSite("canary-a", (d) => fixtureCanary(d, "canary.md", "canary.md.asc")));
    expect(marked(good.out, "ok", "Canary")).toEqual([
      `ok      Canary: content/canary.md is signed by the pinned key ${groupFingerprint(keyA)} (on 2026-11-01); it expires on 2027-02-01, in 65 days`,
    ]);
    expect(good.code).toBe(0);
    const expired = await doctor(
      doctorSite("canary-expired", (d) => fixtureCanary(d, "canary-expired.md", "canary-expired.md.asc")),
    );
    expect(marked(expired.out, "problem", "Canary")).toEqual([
      expect.stringMatching(
        /^problem Canary: content\/canary\.md:\d+:\d+: expires: .*the canary has expired.*, found "2026-08-01"/,
      ),
    ]);
    expect(expired.code).toBe(1);
  });

  it("counts the problems in data/ as validate does and sends the editor to validate for the list", async () => {
    const dir = doctorSite("bad-data", (d) => edit(d, "data/incidents.csv", /\n$/, "\nnot,a,valid,row\n"));
    const { code, out } = await doctor(dir);
    const { config } = await readSiteConfig(dir);
    const { problems } = await loadProject(dir, validateOptions(config));
    expect(problems.length).toBeGreaterThan(0);
    expect(marked(out, "problem", "Data")).toEqual([
      expect.stringMatching(
        new RegExp(
          `^problem Data: ${problems.length} problems? in data/, content/ and i18n/ \\(.*\\) To fix: run vitrine validate for the list`,
        ),
      ),
    ]);
    expect(code).toBe(1);
  });

  // Issue 16: Onion-Location is a response header, and GitHub Pages sends none of a site's own.
  it("warns that GitHub Pages cannot send Onion-Location when onion is set, naming Tor Browser's meta alternative", async () => {
    const onion = /onion: "([^"]+)"/.exec(readFileSync(path.join(repoRoot, "src/site.config.ts"), "utf8"))?.[1] ?? "";
    expect(onion).toMatch(/\.onion$/);
    const pages = await doctor(doctorSite("onion-on-pages"));
    expect(marked(pages.out, "warning", "Deploy")).toEqual([
      `warning Deploy: onion is set, but GitHub Pages sends no response headers, so Tor Browser is not offered ${onion} (Onion-Location is in _headers, which Netlify and Cloudflare Pages send); the banner and the block pages link it all the same To fix: deploy to Netlify or Cloudflare Pages, or add <meta http-equiv="onion-location" content="${onion}/"> to every page's <head>, which Tor Browser reads too (Vitrine does not write it: HTML does not allow that http-equiv value)`,
    ]);
    expect(pages.code).toBe(0);
    // A host that sends _headers: nothing to warn about.
    const netlify = await doctor(
      doctorSite("onion-on-netlify", (d) =>
        writeFileSync(
          path.join(d, ".github/workflows/deploy.yml"),
          "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm run validate\n      - run: npm run build\n      - run: npx netlify deploy --prod --dir dist\n",
        ),
      ),
    );
    expect(netlify.out.filter((line) => line.includes("onion"))).toEqual([]);
  });

  it("refuses a Pages project site whose base is not /<repo>/, and accepts the right one", async () => {
    const wrong = await doctor(doctorSite("pages-wrong-base", (d) => projectPage(d, "/")));
    expect(marked(wrong.out, "problem", "Deploy")).toEqual([
      'problem Deploy: GitHub Pages serves acme/report at https://acme.github.io/report/, which needs base "/report/"; src/site.config.ts has base "/": every link of the deployed site would be broken To fix: set base: "/report/" in src/site.config.ts',
    ]);
    expect(wrong.code).toBe(1);
    const right = await doctor(doctorSite("pages-right-base", (d) => projectPage(d, "/report/")));
    expect(marked(right.out, "ok", "Deploy")).toContain(
      'ok      Deploy: url https://acme.github.io and base "/report/" agree: GitHub Pages serves acme/report at https://acme.github.io/report/',
    );
    expect(right.code).toBe(0);
  });

  it("only warns about the base when the deploy takes it from Pages, and refuses another owner's github.io", async () => {
    const fromPages = await doctor(
      doctorSite("pages-base-from-pages", (d) => {
        projectPage(d, "/");
        cpSync(path.join(repoRoot, ".github/workflows/deploy.yml"), path.join(d, ".github/workflows/deploy.yml"));
      }),
    );
    expect(marked(fromPages.out, "warning", "Deploy")).toEqual([
      expect.stringContaining("(the deploy takes its base from Pages, but local builds and previews use the config's)"),
    ]);
    expect(fromPages.code).toBe(0);
    const owner = await doctor(
      doctorSite("pages-other-owner", (d) => {
        projectPage(d, "/report/");
        edit(d, "src/site.config.ts", 'url: "https://acme.github.io"', 'url: "https://someone.github.io"');
      }),
    );
    expect(marked(owner.out, "problem", "Deploy")).toEqual([
      'problem Deploy: url https://someone.github.io is not where the site will be: GitHub Pages serves acme/report at https://acme.github.io/report/ To fix: set url: "https://acme.github.io" in src/site.config.ts, or use a custom domain',
    ]);
  });

  it("warns, without failing, about a deploy that runs validate only after deploying, and a site without workflows", async () => {
    const netlify = await doctor(
      doctorSite("netlify", (d) => {
        rmSync(path.join(d, ".github/workflows"), { recursive: true });
        mkdirSync(path.join(d, ".github/workflows"));
        writeFileSync(
          path.join(d, ".github/workflows/publish.yaml"),
          "on:\n  push:\n    branches: [live]\njobs:\n  go:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci && npm run build\n      - run: npx netlify deploy --prod --dir dist\n      - run: npm run validate\n",
        );
      }),
    );
    expect(marked(netlify.out, "warning", "Deploy")).toEqual([
      'warning Deploy: .github/workflows/publish.yaml deploys to Netlify on push to live (never on a schedule); it runs no validate first, and no workflow runs the tests To fix: add a step "npm run validate" before the build in .github/workflows/publish.yaml; add a daily schedule to .github/workflows/publish.yaml (on: schedule: - cron: "17 4 * * *"), so durations, the canary\'s state and the report\'s due date stay true when nobody pushes; run the tests in a workflow on pull requests (as vitrine init\'s test workflow does)',
    ]);
    expect(netlify.code).toBe(0);
    const none = await doctor(doctorSite("no-workflows", (d) => rmSync(path.join(d, ".github"), { recursive: true })));
    expect(marked(none.out, "warning", "Deploy")).toEqual([
      expect.stringMatching(/^warning Deploy: no workflow in \.github\/workflows: nothing builds or deploys the site/),
    ]);
    expect(none.code).toBe(0);
  });

  it("warns about a deploy workflow that never runs on a schedule: what the site says would age from the last push", async () => {
    const dir = doctorSite("no-schedule", (d) =>
      edit(d, ".github/workflows/deploy.yml", /\n {2}schedule:\n {4}- cron: "[^"]+"\n/, "\n"),
    );
    const { code, out } = await doctor(dir);
    // The sample also sets an onion address, which GitHub Pages cannot announce: a warning of its own.
    expect(marked(out, "warning", "Deploy").filter((line) => !line.includes("onion is set"))).toEqual([
      "warning Deploy: .github/workflows/deploy.yml deploys to GitHub Pages on push to main, by hand (never on a schedule); it runs validate first, not the tests, which run in .github/workflows/test.yml (on pull requests, by hand) To fix: add a daily schedule to .github/workflows/deploy.yml (on: schedule: - cron: \"17 4 * * *\"), so durations, the canary's state and the report's due date stay true when nobody pushes",
    ]);
    expect(code).toBe(0);
  });

  it("names a workflow that is not valid YAML by file, line and column", async () => {
    const dir = doctorSite("bad-yaml", (d) =>
      writeFileSync(path.join(d, ".github/workflows/broken.yml"), "on: push\njobs:\n  a: [unclosed\n"),
    );
    const { code, out } = await doctor(dir);
    expect(marked(out, "problem", "Deploy")).toEqual([
      expect.stringMatching(/^problem Deploy: \.github\/workflows\/broken\.yml:\d+:\d+: not valid YAML: /),
    ]);
    expect(code).toBe(1);
  });

  it("turns an unexpected error in one check into that check's problem line, never a stack trace", async () => {
    const dir = doctorSite("workflows-is-a-file", (d) => {
      rmSync(path.join(d, ".github/workflows"), { recursive: true });
      writeFileSync(path.join(d, ".github/workflows"), "not a folder");
    });
    const { code, out, err } = await doctor(dir);
    expect(marked(out, "problem", "Deploy")).toEqual([
      expect.stringMatching(
        /^problem Deploy: the check could not finish: ENOTDIR: not a directory, scandir '.*workflows' To fix: /,
      ),
    ]);
    for (const topic of ["Node", "Astro", "Canary", "Data", "Cache"]) expect(marked(out, "ok", topic)).toHaveLength(1);
    expect([...out, ...err].join("\n")).not.toMatch(/^\s+at /m);
    expect(code).toBe(1);
  });

  it("measures Astro's cache and the social cards in it", async () => {
    const dir = doctorSite("cache", (d) => {
      mkdirSync(path.join(d, "node_modules/.astro/social-cards"), { recursive: true });
      writeFileSync(path.join(d, "node_modules/.astro/data-store.json"), "x".repeat(1200));
      writeFileSync(path.join(d, "node_modules/.astro/social-cards", `${"ab".repeat(32)}.png`), Buffer.alloc(2500));
      writeFileSync(path.join(d, "node_modules/.astro/social-cards", `${"cd".repeat(32)}.png`), Buffer.alloc(2500));
    });
    const { out } = await doctor(dir);
    expect(marked(out, "ok", "Cache")).toEqual([
      "ok      Cache: node_modules/.astro holds 6.2 kB, of which 5.0 kB are 2 social cards; to clear it (after a build that looks stale), delete node_modules/.astro (rm -rf node_modules/.astro): the next build reads everything again and redraws every card",
    ]);
  });

  it("refuses an Astro outside vitrine's range, installed in the site's own node_modules", async () => {
    const dir = doctorSite("old-astro", (d) => {
      mkdirSync(path.join(d, "node_modules/astro"), { recursive: true });
      writeFileSync(
        path.join(d, "node_modules/astro/package.json"),
        JSON.stringify({ name: "astro", version: "6.2.0" }),
      );
    });
    const { code, out } = await doctor(dir);
    expect(marked(out, "problem", "Astro")).toEqual([
      'problem Astro: 6.2.0 is outside the range vitrine needs, ^7.3.5 To fix: npm install astro@"^7.3.5"',
    ]);
    expect(code).toBe(1);
  });

  it("checks a Node version against vitrine's engines range", () => {
    const vitrine = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      engines: { node: string };
    };
    expect(nodeCheck("20.20.2", vitrine)).toEqual({
      mark: "problem",
      topic: "Node",
      text: `20.20.2 is outside the range vitrine needs, ${vitrine.engines.node}`,
      fix: `install a Node version in ${vitrine.engines.node} (the site's .nvmrc names the one its workflows use), then run npm install again`,
    });
    expect(nodeCheck("24.21.0", vitrine).mark).toBe("ok");
  });

  it("answers --help, and refuses an option it does not know", async () => {
    const help = await doctor(repoRoot, ["--help"]);
    expect(help.out.join("\n")).toMatch(/^Usage: vitrine doctor\nChecks Node, Astro, the site config/);
    expect(help.code).toBe(0);
    const unknown = await doctor(repoRoot, ["--fast"]);
    expect(unknown.err.join("\n")).toMatch(/Unknown option '--fast'[\s\S]*Usage: vitrine doctor/);
    expect(unknown.code).toBe(1);
  });
});

describe("the address GitHub Pages serves a repository at", () => {
  it.each([
    ["git@github.com:acme/report.git", { owner: "acme", repo: "report" }],
    ["https://github.com/acme/report", { owner: "acme", repo: "report" }],
    ["https://github.com/Acme/acme.github.io.git", { owner: "Acme", repo: "acme.github.io" }],
    ["ssh://git@github.com/acme/report.git", { owner: "acme", repo: "report" }],
    ["https://gitlab.com/acme/report.git", undefined],
  ])("reads the repository of the remote %s as git writes it to .git/config", async (url, repository) => {
    const dir = mkdtempSync(path.join(tmpdir(), "vitrine-doctor-git-"));
    gitOrigin(dir, url);
    expect(await originRepository(dir)).toEqual(repository);
  });

  it.each([
    ["acme/report", "https://acme.github.io", "/report/", "ok"],
    ["acme/report", "https://acme.github.io", "/", "problem"],
    ["Acme/acme.github.io", "https://acme.github.io", "/", "ok"],
    ["Acme/acme.github.io", "https://acme.github.io", "/acme.github.io/", "problem"],
    ["acme/report", "https://transparency.acme.org", "/", "ok"],
    ["acme/report", "https://transparency.acme.org", "/report/", "problem"],
  ])("%s with url %s and base %s: %s", (name, url, base, mark) => {
    const [owner = "", repo = ""] = name.split("/");
    expect(pagesAddressCheck({ url, base }, { owner, repo }, false).mark).toBe(mark);
  });
});

describe("vitrine doctor on a site before npm install", () => {
  it("says to run npm install when neither astro nor vitrine is installed", () => {
    // Outside the repository, so no node_modules above it, and run by Node itself as the command line is
    // (in this process, Vite would resolve the config's import of vitrine from the repository).
    const dir = mkdtempSync(path.join(tmpdir(), "vitrine-doctor-uninstalled-"));
    mkdirSync(path.join(dir, "src"));
    copyFileSync(path.join(repoRoot, "src/site.config.ts"), path.join(dir, "src/site.config.ts"));
    const result = spawnSync(process.execPath, [path.join(repoRoot, "entry/cli.js"), "doctor"], {
      cwd: dir,
      env: childEnv,
      encoding: "utf8",
    });
    const out = result.stdout.trimEnd().split("\n");
    expect(marked(out, "problem", "Astro")).toEqual([
      "problem Astro: astro is not installed in this site To fix: run npm install in the site's folder",
    ]);
    expect(marked(out, "problem", "Config")).toEqual([
      "problem Config: src/site.config.ts does not load: Cannot find package 'vitrine' imported from " +
        `${path.join(dir, "src/site.config.ts")} To fix: run npm install in the site's folder: the config imports a package that is not installed`,
    ]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
  });
});
