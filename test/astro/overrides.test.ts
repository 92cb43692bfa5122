import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OVERRIDABLE_COMPONENTS } from "../../src/contract/appearance-schema.ts";
import { defineSiteConfig, type SiteConfigInput } from "../../src/contract/site-config-schema.ts";
import { componentFiles, missingSiteFiles } from "../../src/astro/overrides.ts";
import { emptyFileTree, repoRoot } from "../helpers/fixture-site.ts";

const valid: SiteConfigInput = {
  name: "Example Transparency",
  description: "Requests and blocking.",
  url: "https://transparency.example.org",
  organisation: { name: "Example SRL", jurisdiction: "BE" },
  services: [{ id: "email", name: "Example Mail" }],
};

describe("component overrides", () => {
  it("render the site's own file where it names one and the package's otherwise", () => {
    const root = emptyFileTree("overrides-files", ["src/Header.astro"]);
    const files = componentFiles(defineSiteConfig({ ...valid, components: { Header: "./src/Header.astro" } }), root);
    expect(files.Header).toBe(path.join(root, "src/Header.astro"));
    for (const name of OVERRIDABLE_COMPONENTS.filter((other) => other !== "Header"))
      expect(files[name]).toBe(path.join(repoRoot, `src/components/${name}.astro`));
    expect(readdirSync(path.join(repoRoot, "src/components"))).toEqual(
      expect.arrayContaining(OVERRIDABLE_COMPONENTS.map((name) => `${name}.astro`)),
    );
  });

  it("report every file the config names that the site does not have, with its key and path", () => {
    const root = emptyFileTree("overrides-missing", ["src/Header.astro", "src/site.css", "src/folder.css/x"]);
    const site = defineSiteConfig({
      ...valid,
      components: { Header: "./src/Header.astro", Footer: "./src/Footer.astro" },
      logo: { src: "./src/assets/logo.svg", alt: "" },
      customCss: ["./src/site.css", "./src/extra.css", "./src/folder.css"],
    });
    expect(missingSiteFiles(site, root)).toEqual([
      `src/site.config.ts: components › Footer: the site's own Footer component, a file at "./src/Footer.astro" from the site's root folder, found no such file`,
      `src/site.config.ts: logo › src: the logo's image file, a file at "./src/assets/logo.svg" from the site's root folder, found no such file`,
      `src/site.config.ts: customCss › item 2: a CSS file, a file at "./src/extra.css" from the site's root folder, found no such file`,
      `src/site.config.ts: customCss › item 3: a CSS file, a file at "./src/folder.css" from the site's root folder, found no such file`,
    ]);
    expect(missingSiteFiles(defineSiteConfig(valid), root)).toEqual([]);
  });

  it("are rendered through their virtual module everywhere in src/, never imported by path", () => {
    const sources = readdirSync(path.join(repoRoot, "src"), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(astro|ts|mdx?)$/.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name));
    const byPath = new RegExp(
      `^import\\s[^;]*?from\\s+["'][^"']*/(${OVERRIDABLE_COMPONENTS.join("|")})\\.astro["']`,
      "m",
    );
    const offenders = sources.filter((file) => byPath.test(readFileSync(file, "utf8")));
    expect(offenders.map((file) => path.relative(repoRoot, file))).toEqual([]);
    const virtual = sources.filter((file) => /from\s+"virtual:vitrine\/components\//.test(readFileSync(file, "utf8")));
    const used = new Set(
      virtual.flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/"virtual:vitrine\/components\/(\w+)"/g)].map((match) => match[1]),
      ),
    );
    expect([...used].sort()).toEqual([...OVERRIDABLE_COMPONENTS].sort());
  });
});
