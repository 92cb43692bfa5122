import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPageCode } from "../../src/output/page-code.ts";
import { cspHash, HEADERS_FILE, parseHeadersFile } from "../../src/output/security-headers.ts";
import { THEME_INIT_SCRIPT } from "../../src/output/theme-script.ts";
import { FIXTURE_TRANSLATIONS, repoRoot } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import { pagesToOpen } from "../helpers/page-types.ts";
import { siteLanguages } from "../../src/i18n/languages.ts";
import { brokenInternalLinks, htmlFiles } from "../helpers/site-links.ts";
import sampleConfig from "../../src/site.config.ts";

/**
 * Size budgets per page type: the largest page of each type, its HTML plus the stylesheets it links,
 * uncompressed, in KB (1,024 bytes). Each is about 25% over what the sample site measured (in the
 * comment, measured 2026-11-28), so a page that grows noticeably fails here and someone decides
 * whether it should. The stylesheet is one shared file of about 7 KB.
 */
const PAGE_BUDGETS_KB = {
  home: 26, // 21.7 KB (2026-11-30), a dashboard since issue 16; issue 18 adds the hreflang links to four other languages, the language switcher and its styles (about 2 KB on every page)
  report: 215, // 170.3 KB, /transparency/: every request in a table and four charts (the world map alone is 78 KB)
  period: 37, // 31.2 KB (2026-11-30), /transparency/2024-h1/: issue 18's hreflang links and switcher, and the published figures' words set as marked-up messages
  record: 35, // 30.9 KB (2026-11-30): the charts' palette (a write-up may embed a chart), corrections, the release line, and issue 18's hreflang links, switcher and language marks
  post: 81, // 65.0 KB (2026-11-29), the 2024 report post with a chart (drawn twice: wide, and narrow for phones) and a table
  country: 36, // 31.5 KB (2026-11-30), /countries/be/: issue 18's hreflang links, switcher and language marks
  list: 115, // 91.2 KB, /countries/ with its world map
  page: 35, // 30.8 KB (2026-11-30), /methodology/; issue 16's layout, issue 18's hreflang links, switcher and translation notice styles
  search: 23, // 19.7 KB (2026-11-30): issue 16's stylesheet, issue 17's release line, issue 18's hreflang links, switcher and the search script's words in the page
} as const;

type PageType = keyof typeof PAGE_BUDGETS_KB;

/** Page types by site path (without `index.html`), first match wins; every built page must match one. */
const PAGE_TYPES: [PageType, RegExp][] = [
  ["home", /^$/],
  ["report", /^transparency\/$/],
  ["period", /^transparency\/\d{4}(-[^/]+)?\/$/],
  ["record", /^(transparency\/requests|blocking|incidents)\/[^/]+\/$/],
  [
    "list",
    /^(blocking|incidents|countries|blog|data|data\/corrections|data\/dictionary|blog\/archive|blog\/\d+|blog\/tags\/[^/]+|authors\/[^/]+)\/$/,
  ],
  ["country", /^countries\/[a-z]{2}\/$/],
  ["post", /^blog\/[^/]+\/$/],
  ["search", /^search\/$/],
  ["page", /^([^/]+\/|404\.html)$/],
];

/** The type of the page at a site path. */
function pageType(sitePath: string): PageType | undefined {
  const bare = sitePath.replace(TRANSLATION_SEGMENT, "");
  return PAGE_TYPES.find(([, pattern]) => pattern.test(bare))?.[0];
}

/** The segment of a page in one of the sample's translations: `ru/` of `ru/blog/`. */
const TRANSLATION_SEGMENT = new RegExp(`^(${sampleConfig.translations.map((tag) => tag.toLowerCase()).join("|")})/`);

/** Every file under `dir`, as paths relative to it with `/`. */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .map((name) => name.split(path.sep).join("/"));
}

/** The tags of a page with their attributes (Astro writes every value in double quotes); code and CSS inside `<script>` and `<style>` are skipped. */
function* tags(html: string): Generator<{ name: string; attributes: Map<string, string> }> {
  const markup = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, "$1$3");
  for (const [, name = "", rest = ""] of markup.matchAll(/<([a-zA-Z][\w-]*)\b([^>]*)>/g)) {
    const attributes = new Map(
      [...rest.matchAll(/\s([\w:-]+)(?:="([^"]*)")?/g)].map(([, key = "", value = ""]) => [
        key.toLowerCase(),
        value.replace(/&amp;/g, "&"),
      ]),
    );
    yield { name: name.toLowerCase(), attributes };
  }
}

/** The URLs of a CSS text's `url()` and `@import`s. */
function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)].map((m) =>
    (m[2] ?? m[4] ?? "").trim(),
  );
}

/** Whether the browser would load `url` from the page's own origin: a relative or root-relative URL, a `data:` URL or a fragment. */
const sameOrigin = (url: string): boolean =>
  url.startsWith("data:") || !/^([a-z][a-z\d+.-]*:|\/\/|\\\\)/i.test(url.trim());

// <link rel> values that make the browser fetch (or connect to) the href.
const FETCHING_RELS =
  /\b(stylesheet|icon|preload|modulepreload|prefetch|preconnect|dns-prefetch|prerender|manifest|apple-touch-icon|mask-icon)\b/i;

/** Everything a page would load (or connect to) from another origin, as `<tag attribute> url` strings. */
function foreignLoads(html: string): string[] {
  const found: string[] = [];
  const check = (what: string, url: string): void => {
    if (!sameOrigin(url)) found.push(`${what} ${url}`);
  };
  for (const { name, attributes } of tags(html)) {
    for (const attribute of ["src", "poster", "action", ...(name === "object" ? ["data"] : [])]) {
      const url = attributes.get(attribute);
      if (url !== undefined) check(`<${name} ${attribute}>`, url);
    }
    for (const attribute of ["srcset", "imagesrcset"]) {
      for (const candidate of (attributes.get(attribute) ?? "").split(","))
        if (candidate.trim()) check(`<${name} ${attribute}>`, candidate.trim().split(/\s+/)[0] ?? "");
    }
    if (name === "link" && FETCHING_RELS.test(attributes.get("rel") ?? ""))
      check(`<link rel="${attributes.get("rel")}">`, attributes.get("href") ?? "");
    if (["image", "use", "feimage", "script"].includes(name))
      for (const attribute of ["href", "xlink:href"])
        if (attributes.has(attribute)) check(`<${name} ${attribute}>`, attributes.get(attribute) ?? "");
    for (const url of cssUrls(attributes.get("style") ?? "")) check(`<${name} style>`, url);
  }
  for (const [, css = ""] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g))
    for (const url of cssUrls(css)) check("<style>", url);
  return found;
}

/** Whether a page loads a JavaScript file: a `<script src>`, a module preload or a script preload. */
function loadsScriptFile(html: string): boolean {
  for (const { name, attributes } of tags(html)) {
    if (name === "script" && attributes.has("src")) return true;
    if (name === "link" && /\bmodulepreload\b/i.test(attributes.get("rel") ?? "")) return true;
    if (name === "link" && /\bpreload\b/i.test(attributes.get("rel") ?? "") && attributes.get("as") === "script")
      return true;
  }
  return false;
}

describe("the built site: valid HTML, working links, nothing from elsewhere, within budget", () => {
  /** The two builds: at the root, and under `--base /sub/`. */
  const builds = { root: sampleSite("/"), sub: sampleSite("/sub/") };
  const dist = (build: keyof typeof builds, ...parts: string[]): string =>
    path.join(builds[build].dir, "dist", ...parts);
  /** Site path of a built HTML file, e.g. `blog/x/` for `dist/blog/x/index.html`. */
  const sitePathOf = (build: keyof typeof builds, file: string): string =>
    path
      .relative(dist(build), file)
      .split(path.sep)
      .join("/")
      .replace(/(^|\/)index\.html$/, "$1");

  it("passes the Nu HTML Checker with zero errors on every page of both builds, in one run", () => {
    const jar = path.join(repoRoot, "node_modules/vnu-jar/build/dist/vnu.jar");
    // Every page of the build under /sub/ (English and Russian) and of the main language and Russian at /, and one
    // page of each route in the other languages at /: a page of a route differs between them only by its words.
    const languages = siteLanguages(sampleConfig);
    const rootPages = htmlFiles(dist("root"));
    const opened = new Set(
      pagesToOpen(
        rootPages.map((file) => `/${sitePathOf("root", file)}`),
        languages,
        [languages[0]?.tag ?? "en", "ru"],
      ),
    );
    const files = [
      ...rootPages.filter((file) => opened.has(`/${sitePathOf("root", file)}`) || !/\/index\.html$/.test(file)),
      ...htmlFiles(dist("sub")),
    ];
    expect(files.length).toBeLessThan(rootPages.length + htmlFiles(dist("sub")).length);
    const run = spawnSync(
      "java",
      ["-jar", jar, "--errors-only", "--skip-non-html", "--format", "json", "--verbose", ...files],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    expect(run.error, "java (Java 17 or later) is needed for the Nu HTML Checker").toBeUndefined();
    // --verbose names each checked file on stdout; the JSON report goes to stderr.
    const checked = run.stdout.split("\n").filter((line) => line.endsWith(".html"));
    expect(checked.length).toBe(files.length);
    const report = JSON.parse(run.stderr) as {
      messages: {
        type: string;
        url?: string;
        lastLine?: number;
        firstColumn?: number;
        message: string;
        extract?: string;
      }[];
    };
    const errors = report.messages.map(
      (m) =>
        `${(m.url ?? "").replace(/^file:/, "").replace(`${repoRoot}/`, "")}:${m.lastLine ?? "?"}:${m.firstColumn ?? "?"} ${m.type}: ${m.message} in “${m.extract ?? ""}”`,
    );
    expect(errors, `Nu HTML Checker errors:\n${errors.join("\n")}`).toEqual([]);
    expect(run.status).toBe(0);
  }, 600_000);

  it("has no broken internal link or #fragment, at the root and under --base /sub/", () => {
    for (const [name, build] of Object.entries(builds)) {
      const { broken, checked } = brokenInternalLinks(dist(name as keyof typeof builds), build.base);
      expect(checked, name).toBeGreaterThan(1000);
      expect(broken, name).toEqual([]);
    }
  });

  it("finds a missing #fragment target, on the same page and on another", () => {
    // A two-page site written by hand.
    const fakeDist = mkdtempSync(path.join(tmpdir(), "vitrine-anchors-"));
    mkdirSync(path.join(fakeDist, "b"));
    writeFileSync(
      path.join(fakeDist, "index.html"),
      '<a href="#here">ok</a><p id="here"></p><a href="#gone">no</a><a href="/b/#there">ok</a><a href="/b/#nowhere">no</a><a href="/b/#">ok</a>',
    );
    writeFileSync(path.join(fakeDist, "b/index.html"), '<h2 id="there">B</h2>');
    expect(brokenInternalLinks(fakeDist).broken).toEqual([
      'index.html → /b/#nowhere (no element with id "nowhere" there)',
      'index.html → #gone (no element with id "gone" on the page)',
    ]);
    rmSync(fakeDist, { recursive: true });
  });

  it("loads nothing from another origin: no src, stylesheet, icon, preload, srcset or CSS url() elsewhere", () => {
    for (const build of ["root", "sub"] as const) {
      const foreign: string[] = [];
      for (const file of htmlFiles(dist(build)))
        foreign.push(...foreignLoads(readFileSync(file, "utf8")).map((load) => `${sitePathOf(build, file)}: ${load}`));
      const stylesheets = allFiles(dist(build)).filter((name) => name.endsWith(".css"));
      expect(stylesheets.length).toBeGreaterThan(0);
      for (const name of stylesheets)
        for (const url of cssUrls(readFileSync(dist(build, name), "utf8")))
          if (!sameOrigin(url)) foreign.push(`${name}: url(${url})`);
      expect(foreign, build).toEqual([]);
    }
    // The check itself sees what it must.
    expect(
      foreignLoads(
        '<link rel="stylesheet" href="https://cdn.example/x.css"><img srcset="/a.png 1x, //cdn.example/b.png 2x"><p style="background:url(https://t.example/p.gif)">',
      ),
    ).toHaveLength(3);
    expect(
      foreignLoads(
        '<a href="https://example.org/">x</a><link rel="alternate" href="https://example.org/feed"><img src="data:image/png;base64,AA"><svg><rect fill="url(#p)"/></svg>',
      ),
    ).toEqual([]);
  });

  it("ships a JavaScript file only on the search page", () => {
    for (const build of ["root", "sub"] as const) {
      const withScripts = htmlFiles(dist(build))
        .filter((file) => loadsScriptFile(readFileSync(file, "utf8")))
        .map((file) => sitePathOf(build, file));
      // The search page of every language of the build, and no other page.
      const translations = build === "root" ? sampleConfig.translations : FIXTURE_TRANSLATIONS;
      expect(withScripts.toSorted(), build).toEqual(
        ["search/", ...translations.map((tag) => `${tag.toLowerCase()}/search/`)].toSorted(),
      );
    }
  });

  it("keeps every page type within its size budget (HTML + linked CSS)", () => {
    const largest = new Map<PageType, { kb: number; sitePath: string }>();
    const untyped: string[] = [];
    for (const file of htmlFiles(dist("root"))) {
      const sitePath = sitePathOf("root", file);
      const type = pageType(sitePath);
      if (!type) {
        untyped.push(sitePath);
        continue;
      }
      // The budgets are the main language's: a translation's words take other bytes (two per Cyrillic letter).
      if (TRANSLATION_SEGMENT.test(sitePath)) continue;
      const html = readFileSync(file, "utf8");
      let bytes = Buffer.byteLength(html);
      for (const { name, attributes } of tags(html)) {
        if (name === "link" && attributes.get("rel") === "stylesheet")
          bytes += statSync(dist("root", attributes.get("href") ?? "")).size;
      }
      const kb = bytes / 1024;
      if (kb > (largest.get(type)?.kb ?? 0)) largest.set(type, { kb, sitePath });
    }
    expect(untyped, "pages of no type in PAGE_TYPES").toEqual([]);
    const rows = Object.entries(PAGE_BUDGETS_KB).map(([type, budget]) => {
      const measured = largest.get(type as PageType);
      return {
        type,
        budget,
        kb: measured?.kb ?? 0,
        line: `${type.padEnd(8)} ${(measured?.kb ?? 0).toFixed(1).padStart(6)} KB of ${budget} KB  /${measured?.sitePath ?? "(none)"}`,
      };
    });
    console.log(`Largest page per type (HTML + CSS, uncompressed):\n${rows.map((row) => row.line).join("\n")}`);
    expect(
      rows.filter((row) => row.kb === 0).map((row) => row.type),
      "page types with no page",
    ).toEqual([]);
    expect(
      rows.filter((row) => row.kb > row.budget).map((row) => row.line),
      "over budget",
    ).toEqual([]);
  });

  describe("security headers", () => {
    it("writes _headers with a Content-Security-Policy that allows exactly the inline scripts and styles of the built pages", () => {
      for (const build of ["root", "sub"] as const) {
        const headers = parseHeadersFile(readFileSync(dist(build, HEADERS_FILE), "utf8"));
        const pages = htmlFiles(dist(build)).map((file) => readPageCode(readFileSync(file, "utf8")));
        // Every inline script the browser runs, found by the HTML parser (JSON-LD is data).
        const scripts = new Set(pages.flatMap((page) => page.scripts.map((script) => cspHash(script.text))));
        const styles = [...new Set(pages.flatMap((page) => page.styles.map(cspHash)))].sort();
        const csp = new Map(
          (headers["content-security-policy"] ?? "")
            .split(/;\s*/)
            .map((d) => [d.split(" ")[0] ?? "", d.split(" ").slice(1)] as const),
        );
        expect(csp.get("script-src")?.sort()).toEqual(["'self'", "'wasm-unsafe-eval'", ...scripts].sort());
        expect(csp.get("script-src")).toContain(cspHash(THEME_INIT_SCRIPT));
        expect(scripts.size).toBe(2); // the theme's head script and the toggle's module, inlined by Astro
        expect(csp.get("style-src-elem")?.slice(1).sort()).toEqual(styles);
        expect(
          Object.fromEntries([...csp].filter(([name]) => !["script-src", "style-src-elem"].includes(name))),
        ).toEqual({
          "default-src": ["'self'"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "worker-src": ["'self'"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
        });
        expect(headers["referrer-policy"]).toBe("no-referrer");
        expect(headers["x-content-type-options"]).toBe("nosniff");
        expect(headers["permissions-policy"]).toMatch(/(^|, )camera=\(\)/);
        for (const feature of ["microphone", "geolocation", "interest-cohort", "browsing-topics"])
          expect(headers["permissions-policy"]).toContain(`${feature}=()`);
      }
      expect(
        existsSync(path.join(repoRoot, "public", HEADERS_FILE)),
        "public/_headers would be overwritten by the generated file",
      ).toBe(false);
    });
  });
});
