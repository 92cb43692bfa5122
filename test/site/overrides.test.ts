import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readPageCode } from "../../src/output/page-code.ts";
import {
  cspHash,
  HEADERS_FILE,
  metaContentSecurityPolicy,
  parseHeadersFile,
} from "../../src/output/security-headers.ts";
import { servedSite } from "../helpers/browser.ts";
import { copyCardCache, FIXTURE_TRANSLATIONS, makeFixtureSite, repoRoot, runAstro } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import { htmlFiles } from "../helpers/site-links.ts";

const NOTICE = "Acme Privacy runs this report";
const LINK = { light: "#00607a", dark: "#7fd4ea" };
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="${LINK.light}"/></svg>\n`;

/** The fixture: the sample with its own Header (wrapping the package's), theme colours, logo, CSS and an about page. */
function overridingSite(): string {
  const dir = makeFixtureSite("overrides", repoRoot, { translations: FIXTURE_TRANSLATIONS });
  // The cards that show nothing the site overrides are drawn already.
  copyCardCache(sampleSite("/").dir, dir);
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write(
    "src/overrides/Header.astro",
    `---\nimport Header from "vitrine/components/Header.astro";\n---\n\n<Header />\n<p class="org-notice">${NOTICE}</p>\n`,
  );
  write("src/assets/logo.svg", LOGO);
  write("src/site.css", ".org-notice {\n  font-style: italic;\n  text-align: center;\n}\n");
  write(
    "src/pages/about.astro",
    `---\nimport BaseLayout from "vitrine/layouts/BaseLayout.astro";\n---\n\n<BaseLayout title="About Acme">\n  <h1>About Acme</h1>\n  <p>Our own page.</p>\n</BaseLayout>\n`,
  );
  // The site's own /about/ replaces the sample's content page of that name (validate refuses the two together).
  rmSync(path.join(dir, "content/pages/about.mdx"));
  const config = path.join(dir, "src/site.config.ts");
  const text = readFileSync(config, "utf8");
  const own = [
    `  components: { Header: "./src/overrides/Header.astro" },`,
    `  theme: { link: ${JSON.stringify(LINK)} },`,
    `  logo: { src: "./src/assets/logo.svg", alt: "Acme" },`,
    `  customCss: ["./src/site.css"],`,
  ].join("\n");
  expect(text).toContain("  services: [");
  writeFileSync(config, text.replace("  services: [", `${own}\n  services: [`));
  return dir;
}

describe("a site that overrides the header, sets its theme, logo and CSS, and adds a page of its own", () => {
  let dir: string;
  let dist: string;
  let pages: { name: string; html: string }[];

  beforeAll(() => {
    dir = overridingSite();
    dist = path.join(dir, "dist");
    const { code, output } = runAstro(dir, ["build"]);
    if (code !== 0) throw new Error(`astro build exited with ${code}:\n${output}`);
    expect(output).not.toMatch(/conflicts with higher priority route/);
    pages = htmlFiles(dist).map((file) => ({ name: path.relative(dist, file), html: readFileSync(file, "utf8") }));
  }, 300_000);

  it("renders the site's header, which wraps the package's, on every page", () => {
    expect(pages.length).toBeGreaterThan(100);
    const wrapped = new RegExp(`</header><p class="org-notice">${NOTICE}</p>`);
    expect(
      // The navigation is named in each page's language ("Main", "Основное меню").
      pages.filter(({ html }) => !wrapped.test(html) || !/<nav aria-label="[^"]+">/.test(html)).map((p) => p.name),
    ).toEqual([]);
  });

  it("shows the logo from a file of the site's own, the same bytes, on every page", () => {
    const img = /<img class="brand-logo" src="(\/_astro\/logo\.[\w-]+\.svg)" alt="Acme">/;
    const sources = new Set(pages.map(({ html }) => img.exec(html)?.[1]));
    expect([...sources]).toHaveLength(1);
    const [src = ""] = [...sources];
    expect(readFileSync(path.join(dist, src), "utf8")).toBe(LOGO);
  });

  it("writes the theme's colours and the site's CSS after the package's CSS", () => {
    const home = pages.find(({ name }) => name === "index.html")?.html ?? "";
    const sheets = [...home.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1] ?? "");
    const css = sheets.map((sheet) => readFileSync(path.join(dist, sheet), "utf8")).join("\n");
    const at = (text: string): number => css.indexOf(text);
    expect(at("--link:#0b57b0")).toBeGreaterThanOrEqual(0);
    expect(at(`:root{--link:${LINK.light}}`)).toBeGreaterThan(at("--link:#0b57b0"));
    expect(at(`:root[data-theme=dark]{--link:${LINK.dark}}`)).toBeGreaterThan(at("--link:#79b8ff"));
    expect(at(".org-notice{")).toBeGreaterThan(at(`:root{--link:${LINK.light}}`));
  });

  it("builds the site's own page at /about/, in the package's layout", () => {
    const about = pages.find(({ name }) => name === path.join("about", "index.html"))?.html ?? "";
    expect(about).toContain("<h1>About Acme</h1>");
    expect(about).toContain("<title>About Acme · ");
    expect(about).toContain(NOTICE);
  });

  it("keeps the security policy: every inline style and script hashed, in the meta policy and in _headers", () => {
    const siteWide =
      parseHeadersFile(readFileSync(path.join(dist, HEADERS_FILE), "utf8"))["content-security-policy"] ?? "";
    const wrong = pages.flatMap(({ name, html }) => {
      const code = readPageCode(html);
      const hashes = (texts: string[]): string[] => [...new Set(texts.map(cspHash))].sort();
      const policy = metaContentSecurityPolicy({
        scripts: hashes(code.scripts.map((s) => s.text)),
        styles: hashes(code.styles),
      });
      const inHead = html
        .slice(0, html.indexOf("</head>"))
        .includes(`<meta http-equiv="Content-Security-Policy" content="${policy}">`);
      const allowed = [...hashes(code.styles), ...hashes(code.scripts.map((s) => s.text))].every((hash) =>
        siteWide.includes(hash),
      );
      return inHead && allowed ? [] : [name];
    });
    expect(wrong).toEqual([]);
  });

  describe("in Chromium", () => {
    const served = servedSite(() => dir);

    it("shows the home page in the theme's colours, logo loaded, with no CSP violation, at 1280 and 390 px in both schemes", async () => {
      const shots = path.join(repoRoot, "test/.tmp/overrides-screenshots");
      mkdirSync(shots, { recursive: true });
      const trouble: string[] = [];
      for (const colorScheme of ["light", "dark"] as const)
        for (const width of [1280, 390]) {
          const context = await served.browser.newContext({ colorScheme, viewport: { width, height: 900 } });
          const page = await context.newPage();
          page.on("console", (message) => {
            if (message.type() === "error") trouble.push(`${colorScheme} ${width}: ${message.text()}`);
          });
          await page.goto(`${served.url}/`);
          const look = await page.evaluate(() => {
            const logo = document.querySelector<HTMLImageElement>(".brand-logo");
            const link = document.querySelector("main a");
            return {
              logo: logo
                ? { loaded: logo.complete && logo.naturalWidth > 0, height: logo.getBoundingClientRect().height }
                : null,
              link: link ? getComputedStyle(link).color : "",
              notice: getComputedStyle(document.querySelector(".org-notice") ?? document.body).fontStyle,
            };
          });
          expect(look.logo?.loaded, `${colorScheme} ${width}`).toBe(true);
          expect(look.logo?.height).toBeGreaterThan(16);
          expect(look.notice).toBe("italic");
          const hex = LINK[colorScheme];
          const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ");
          expect(look.link).toBe(`rgb(${rgb})`);
          await page.screenshot({ path: path.join(shots, `home-${width}-${colorScheme}.png`), fullPage: false });
          await context.close();
        }
      expect(trouble).toEqual([]);
    });
  });
});
