import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defineSiteConfig, SiteConfigError, type SiteConfigInput } from "../../src/contract/site-config-schema.ts";
import { lowestContrast } from "../../src/contract/appearance-schema.ts";
import { THEME_BACKGROUNDS } from "../../src/contract/theme-tokens.ts";
import { repoRoot } from "../helpers/fixture-site.ts";

const valid: SiteConfigInput = {
  name: "Example Transparency",
  description: "Requests and blocking.",
  url: "https://transparency.example.org",
  organisation: { name: "Example SRL", jurisdiction: "BE" },
  services: [{ id: "email", name: "Example Mail" }],
};

const linesOf = (extra: Record<string, unknown>): string[] => {
  try {
    defineSiteConfig({ ...valid, ...extra });
  } catch (error) {
    expect(error).toBeInstanceOf(SiteConfigError);
    return (error as Error).message.split("\n").slice(1);
  }
  throw new Error("expected the config to be rejected");
};

describe("the site config's components, theme, logo and customCss", () => {
  it("default to no override, no colour, no logo and no CSS", () => {
    const site = defineSiteConfig(valid);
    expect(site.components).toEqual({});
    expect(site.theme).toEqual({});
    expect(site.logo).toBeUndefined();
    expect(site.customCss).toEqual([]);
  });

  it("keep what a site sets", () => {
    const own = {
      components: { Header: "./src/components/Header.astro", PostShare: "./src/PostShare.astro" },
      theme: { link: { light: "#00607a", dark: "#7fd4ea" }, accent: { light: "rebeccapurple" } },
      logo: { src: "./src/assets/logo.svg", alt: "Example" },
      customCss: ["./src/site.css", "./src/print.css"],
    };
    expect(defineSiteConfig({ ...valid, ...own })).toMatchObject(own);
  });

  it("name a component Vitrine does not let a site replace, and a path that is not a file of the site", () => {
    expect(linesOf({ components: { Heder: "./src/Heder.astro", Footer: "src/Footer.astro" } })).toEqual([
      'src/site.config.ts: components › Footer: a file of the site, as a path from its root folder like "./src/components/Footer.astro", found "src/Footer.astro"',
      'src/site.config.ts: components: no "Heder": the components a site may replace are Header, Footer, HomeIntro, PostShare, found {"Heder":"./src/Heder.astro","Footer":"src/Footer.astro"}',
    ]);
    expect(linesOf({ components: { Header: "./src/Header.tsx" } })).toEqual([
      'src/site.config.ts: components › Header: an .astro file, like "./src/components/Header.astro", found "./src/Header.tsx"',
    ]);
  });

  it("refuse a logo from another address or outside the site, and CSS that is not a .css file", () => {
    expect(linesOf({ logo: { src: "https://cdn.example.org/logo.svg", alt: "" } })).toEqual([
      'src/site.config.ts: logo › src: a file of the site, as a path from its root folder like "./src/assets/logo.svg", found "https://cdn.example.org/logo.svg"',
    ]);
    expect(linesOf({ logo: { src: "./../shared/logo.svg", alt: "" } })[0]).toContain('found "./../shared/logo.svg"');
    expect(linesOf({ logo: { src: "./src/logo.svg" } })).toEqual([
      'src/site.config.ts: logo › alt: a text alternative, or "" when the site name beside the logo says it all, found nothing',
    ]);
    expect(linesOf({ customCss: ["./src/site.css", "./src/site.scss"] })).toEqual([
      'src/site.config.ts: customCss › item 2: a .css file, like "./src/site.css", found "./src/site.scss"',
    ]);
  });

  it("refuse a theme key that is not a text colour, and a value that is not a colour", () => {
    expect(linesOf({ theme: { bg: { light: "#fff" }, link: { light: "blue-ish" } } })).toEqual([
      'src/site.config.ts: theme › link › light: a CSS colour, like "#0b57b0" or "rgb(11 87 176)", found "blue-ish"',
      'src/site.config.ts: theme: no "bg": the theme\'s colours are text, muted, link, accent, found {"bg":{"light":"#fff"},"link":{"light":"blue-ish"}}',
    ]);
  });
});

describe("the theme's contrast check", () => {
  // #767676 is the lightest grey with 4.5:1 on white (4.54:1); #777777 has 4.48:1 (WebAIM's contrast checker).
  it("accepts a colour with 4.5:1 against every background of its scheme and refuses one just under", () => {
    expect(defineSiteConfig({ ...valid, theme: { muted: { light: "#595959" } } }).theme.muted?.light).toBe("#595959");
    expect(lowestContrast("#767676", "light").background).toBe("--banner-bg");
    const [line] = linesOf({ theme: { link: { light: "#777777" } } });
    expect(line).toMatch(
      /^src\/site\.config\.ts: theme › link › light: a colour with a contrast of at least 4\.5:1 \(WCAG AA\) against the light theme's backgrounds; against --banner-bg \(#fdf1f1\) it has 4\.0\d:1, found "#777777"$/,
    );
  });

  it("checks the dark scheme against the dark backgrounds, naming key, colour, background and ratio", () => {
    expect(linesOf({ theme: { accent: { light: "#8a1c1c", dark: "#8a1c1c" } } })).toEqual([
      expect.stringMatching(
        /^src\/site\.config\.ts: theme › accent › dark: a colour with a contrast of at least 4\.5:1 \(WCAG AA\) against the dark theme's backgrounds; against --\w+(-bg)? \(#[0-9a-f]{6}\) it has [12]\.\d\d:1, found "#8a1c1c"$/,
      ),
    ]);
  });

  it("measures as WCAG 2 does: black on the light backgrounds is under 21:1 (white's), a colour on itself 1:1", () => {
    const black = lowestContrast("#000000", "light");
    expect(black.ratio).toBeLessThan(21);
    expect(black.ratio).toBeGreaterThan(18);
    expect(lowestContrast("white", "dark").ratio).toBeGreaterThan(14);
    expect(lowestContrast("#0f1419", "dark")).toEqual({ background: "--bg", value: "#0f1419", ratio: 1 });
  });

  it("knows the backgrounds src/styles/global.css draws text on, in both schemes", () => {
    const css = readFileSync(path.join(repoRoot, "src/styles/global.css"), "utf8");
    const block = (selector: string): string => {
      const start = css.indexOf(`${selector} {`);
      expect(start, selector).toBeGreaterThanOrEqual(0);
      return css.slice(start, css.indexOf("}", start));
    };
    const value = (text: string, name: string): string | undefined =>
      new RegExp(`${name}:\\s*(#[0-9a-f]{6});`).exec(text)?.[1];
    for (const [name, colour] of Object.entries(THEME_BACKGROUNDS.dark))
      expect(value(block(':root[data-theme="dark"]'), name), name).toBe(colour);
    for (const [name, colour] of Object.entries(THEME_BACKGROUNDS.light)) {
      const lightBlocks = css
        .split(/(?:^|\n):root \{/)
        .slice(1)
        .map((rest) => rest.slice(0, rest.indexOf("}")));
      expect(lightBlocks.map((text) => value(text, name)).find(Boolean), name).toBe(colour);
    }
  });
});
