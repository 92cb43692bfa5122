import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv, repoRoot } from "../helpers/fixture-site.ts";

// The upgrade proof of issue 15: the package as npm packs it makes a new site with `npx --package <tarball> vitrine
// init`, that site installs, validates and builds on its own (outside this repository, so that nothing resolves from
// the repository's node_modules), and a second version of the package reaches it with `npm install <tarball>`
// without touching any file of the site but package.json and package-lock.json. Offline from the tarballs: the
// registry is only a cache here (`npm ci` of the repository filled it with every dependency of the package).

const work = mkdtempSync(path.join(tmpdir(), "vitrine-upgrade-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The English message of the package's footer that the second version changes, as a reader sees it in every page's footer. */
const FOOTER = '"publishedBy": "Published by {organisation}';
const FOOTER_V2 = '"publishedBy": "Published with Vitrine 0.1.1 by {organisation}';

/** Runs a command (npm, npx, tar) in `cwd`; fails the test with its output when it does not exit 0. */
function run(cwd: string, command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd, env: childEnv, encoding: "utf8", timeout: 600_000 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}:\n${output}`);
  return output;
}

/** The one .tgz file npm pack wrote into `folder`. */
const tarballIn = (folder: string): string => {
  const [file] = readdirSync(folder).filter((name) => name.endsWith(".tgz"));
  if (!file) throw new Error(`no tarball in ${folder}`);
  return path.join(folder, file);
};

/** SHA-256 of every file of the site, by path, leaving out what npm and Astro write (node_modules, dist, caches). */
function siteFiles(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (!entry.isFile() || /^(node_modules|dist|\.astro)(\/|$)/.test(file)) continue;
    hashes.set(
      file,
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    );
  }
  return hashes;
}

/** Every text file of the built site, concatenated. */
function builtText(dir: string): string {
  return readdirSync(path.join(dir, "dist"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|xml|json|csv|txt|js|css)$/.test(entry.name))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), "utf8"))
    .join("\n");
}

describe("vitrine as a package", () => {
  const site = path.join(work, "my-report");

  it("packs version 1 and a second version with a visible change", () => {
    const v2 = path.join(work, "v2-source");
    for (const folder of ["v1", "v2", "v2-source"]) mkdirSync(path.join(work, folder));
    run(repoRoot, "npm", ["pack", "--pack-destination", path.join(work, "v1")]);
    // Version 2: the same package with a new version number and a changed footer, packed as it is (lib/ included).
    run(v2, "tar", ["-xzf", tarballIn(path.join(work, "v1")), "--strip-components=1"]);
    const manifest = JSON.parse(readFileSync(path.join(v2, "package.json"), "utf8")) as { version: string };
    writeFileSync(path.join(v2, "package.json"), JSON.stringify({ ...manifest, version: "0.1.1" }, null, 2));
    const footer = path.join(v2, "src/i18n/dictionaries/en.json");
    const text = readFileSync(footer, "utf8");
    expect(text).toContain(FOOTER);
    writeFileSync(footer, text.replace(FOOTER, FOOTER_V2));
    run(v2, "npm", ["pack", "--ignore-scripts", "--pack-destination", path.join(work, "v2")]);
    expect(path.basename(tarballIn(path.join(work, "v2")))).toBe("vitrine-0.1.1.tgz");
  });

  it("makes a new site with npx --package <tarball> vitrine init, with none of the sample's data or content", () => {
    const output = run(work, "npx", [
      "--yes",
      "--prefer-offline",
      "--package",
      tarballIn(path.join(work, "v1")),
      "vitrine",
      "init",
      "my-report",
    ]);
    expect(output).toContain("Created a Vitrine site");
    // Files npm could drop from a package (dot files) arrive too: the workflows that deploy, and what git ignores.
    for (const file of [
      ".github/workflows/deploy.yml",
      ".github/workflows/test.yml",
      ".gitignore",
      "data/requests.csv",
    ])
      expect(readFileSync(path.join(site, file), "utf8").length, file).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(path.join(site, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies["vitrine"]).toBe(`file:${tarballIn(path.join(work, "v1"))}`);
  });

  it("installs, validates and builds the new site with the two commands of its README", () => {
    const readme = readFileSync(path.join(site, "README.md"), "utf8");
    expect(readme).toMatch(/```sh\nnpm install\nnpm run build\n```/);
    run(site, "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"]);
    expect(run(site, "npm", ["run", "validate"])).toMatch(/All valid/);
    run(site, "npm", ["run", "build"]);
    const built = builtText(site);
    expect(built).toContain("<html");
    expect(built).toContain("Published by My Report");
    expect(built).not.toMatch(/velin/i);
  });

  it("takes the second version with npm install <tarball>: the change arrives, and no file of the site changes but the dependency", () => {
    const before = siteFiles(site);
    const manifestBefore = JSON.parse(readFileSync(path.join(site, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    run(site, "npm", ["install", "--offline", "--no-audit", "--no-fund", tarballIn(path.join(work, "v2"))]);
    run(site, "npm", ["run", "build"]);
    const built = builtText(site);
    expect(built).toContain("Published with Vitrine 0.1.1 by My Report");
    expect(built).not.toContain("Published by My Report");

    const after = siteFiles(site);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
    expect(changed.sort()).toEqual(["package-lock.json", "package.json"]);
    const manifestAfter = JSON.parse(readFileSync(path.join(site, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const { vitrine: spec = "", ...otherDependencies } = manifestAfter.dependencies;
    expect(path.resolve(site, spec.replace(/^file:/, ""))).toBe(tarballIn(path.join(work, "v2")));
    const { vitrine: _, ...dependenciesBefore } = manifestBefore.dependencies;
    expect({ ...manifestAfter, dependencies: otherDependencies }).toEqual({
      ...manifestBefore,
      dependencies: dependenciesBefore,
    });
  });
});
