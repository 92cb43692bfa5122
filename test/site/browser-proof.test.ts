import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIResponse, BrowserContext, BrowserContextOptions, Page, Route } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProject, type Project } from "../../src/load/project/load-project.ts";
import { recordPath } from "../../src/model/paths.ts";
import { HEADERS_FILE, parseHeadersFile } from "../../src/output/security-headers.ts";
import { servedSite } from "../helpers/browser.ts";
import { repoRoot } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import { maskedRequestIds } from "../helpers/masked-requests.ts";
import { htmlFiles, sitemapPaths } from "../helpers/site-links.ts";
import { pagesToOpen } from "../helpers/page-types.ts";
import siteConfig from "../../src/site.config.ts";
import { languageOfPath, siteLanguages } from "../../src/i18n/languages.ts";

/** axe-core's tags for the WCAG 2.0, 2.1 and 2.2 level A and AA rules. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const AXE_SOURCE = readFileSync(path.join(repoRoot, "node_modules/axe-core/axe.min.js"), "utf8");
/**
 * axe's rules that read colours: the only ones whose answer can differ between the light and the dark theme, which
 * change the site's colours (its custom properties) and nothing else. Each page is checked against every rule in
 * the light theme, then switched to the dark one in place and checked against these.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
/** A desktop window, in which each page is opened and checked. */
const DESKTOP = { width: 1280, height: 800 };
/** The narrowest phone screen the site is made for, in CSS pixels: no page may scroll sideways on it. */
const NARROW = { width: 360, height: 800 };
/** Pages open at a time: on 2 cores, 3 keeps both busy while one page waits for the server. */
const POOL_SIZE = 3;

/** One axe violation, reduced to what a failure message needs. */
interface Violation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs `task` over `items`, `size` at a time, in order of start; `worker` (0 … size − 1) says which of the parallel runs it is in. */
async function inPool<T>(
  items: readonly T[],
  size: number,
  task: (item: T, worker: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const run = async (worker: number): Promise<void> => {
    while (next < items.length) await task(items[next++] as T, worker);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, (_, worker) => run(worker)));
}

/** `route.fetch()`, tried up to three times when the connection itself fails; undefined when all three fail. */
async function fetchWithRetries(route: Route): Promise<APIResponse | undefined> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const response = await route.fetch().catch(() => undefined);
    if (response) return response;
  }
  return undefined;
}

describe("every page of the built site in Chromium, under the site's own security headers", () => {
  const dir = sampleSite("/").dir;
  let project: Project;
  const served = servedSite(dir);
  /** The headers the build wrote for every path, as the host would send them. */
  let headers: Record<string, string>;
  /**
   * The sitemap's pages this proof opens: every page of the main language and of Russian (the issue's first
   * translation, which must be axe-clean throughout), and one page of each route in each other language. A page
   * of one route differs between two languages only by the dictionary's words, which all its pages share: the
   * sample opens every word of every language, in every layout, at a third of the cost of every page of five
   * languages (a test that each language has every page of the main one is hreflang.test.ts).
   */
  let paths: string[];
  const languages = siteLanguages(siteConfig);
  const inFull = [languages[0]?.tag ?? "en", "ru"];

  beforeAll(async () => {
    project = await loadProject(dir);
    headers = parseHeadersFile(readFileSync(path.join(dir, "dist", HEADERS_FILE), "utf8"));
    paths = pagesToOpen(sitemapPaths(path.join(dir, "dist")), languages, inFull);
  });

  /** Everything that went wrong in a context: console errors, failed requests, other origins, CSP violations. */
  interface Watched {
    context: BrowserContext;
    trouble: string[];
    /** Closes the context, dropping requests still in flight (a late favicon, say). */
    close: () => Promise<void>;
  }

  /**
   * A browser context whose every response from the preview server carries the headers of the build's
   * headers file (the Content-Security-Policy among them), as on the real host. Requests to any other
   * origin are refused and reported; so are console errors, page errors, failed requests, responses
   * of 400 and above, and every Content-Security-Policy violation.
   */
  async function watchedContext(options: BrowserContextOptions = {}): Promise<Watched> {
    const context = await served.browser.newContext(options);
    const origin = new URL(served.url).origin;
    const trouble: string[] = [];
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (new URL(url).origin !== origin) {
        trouble.push(`request to another origin: ${url}`);
        return route.abort("blockedbyclient");
      }
      // A request the page no longer waits for (it navigated on) cannot be fulfilled: not a problem.
      // The preview server, busy with three tabs on two cores, now and then drops a connection (CI saw
      // net::ERR_FAILED on one page in 500): the fetch is tried three times before the request is
      // refused, so the page sees it fail and it is reported below. An HTTP error is never retried.
      const response = await fetchWithRetries(route);
      if (!response) return route.abort("failed").catch(() => undefined);
      return route.fulfill({ response, headers: { ...response.headers(), ...headers } }).catch(() => undefined);
    });
    // axe, for axeViolations: added to every page as it starts, outside the page's CSP. Sent to the
    // browser once, instead of half a megabyte of source per page, a sixth of the time per page.
    await context.addInitScript({ content: AXE_SOURCE });
    // Runs in every page before its own scripts, outside the page's CSP.
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(
          `securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    context.on("page", (page) => {
      const where = (): string => new URL(page.url()).pathname + new URL(page.url()).search;
      page.on("console", (message) => {
        if (message.type() === "error" || /Content Security Policy|Permissions-Policy/i.test(message.text()))
          trouble.push(`${where()}: console ${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => trouble.push(`${where()}: page error: ${error.message}`));
      page.on("requestfailed", (request) => {
        // ERR_ABORTED: the tab moved on to the next page before a late request (the favicon) finished.
        if (new URL(request.url()).origin === origin && request.failure()?.errorText !== "net::ERR_ABORTED")
          trouble.push(`${where()}: request failed: ${request.url()} (${request.failure()?.errorText})`);
      });
      page.on("response", (response) => {
        if (response.status() >= 400) trouble.push(`${where()}: HTTP ${response.status()} for ${response.url()}`);
      });
    });
    const close = async (): Promise<void> => {
      await context.unrouteAll({ behavior: "ignoreErrors" });
      await context.close();
    };
    return { context, trouble, close };
  }

  /**
   * Runs axe on the page as it is, in a watched context (which adds axe to every page, outside its CSP): its WCAG 2.x
   * A/AA rules, or only `rules`.
   */
  async function axeViolations(page: Page, rules?: readonly string[]): Promise<Violation[]> {
    const runOnly = rules ? { type: "rule", values: rules } : { type: "tag", values: WCAG_TAGS };
    return page.evaluate(async (only) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object,
            ) => Promise<{
              violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
            }>;
          };
        }
      ).axe;
      const { violations } = await axe.run(document, { runOnly: only, resultTypes: ["violations"] });
      return violations.map((v) => ({
        rule: v.id,
        impact: v.impact ?? "",
        help: v.help,
        targets: v.nodes.map((node) => node.target.join(" ")),
      }));
    }, runOnly);
  }

  it("serves every sitemap page of the main language and Russian, and one of each route in the others, with 200 and only same-origin requests, with no console error or CSP violation; axe finds no WCAG 2.2 AA violation in light and dark theme, and none scrolls sideways on a 360 px screen", async () => {
    expect(paths.length).toBeGreaterThan(100);
    // Every language is opened, Russian in full: as many pages as the main language.
    const count = (tag: string): number =>
      paths.filter((p) => languageOfPath(languages, p.slice(1)).tag === tag).length;
    expect(languages.map((language) => language.tag)).toEqual(expect.arrayContaining(["ru", "fr", "nl", "de"]));
    expect(count("ru")).toBe(count(inFull[0] ?? ""));
    for (const language of languages.slice(1)) expect(count(language.tag), language.tag).toBeGreaterThan(15);
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    const started = performance.now();
    const problems: string[] = [];
    const violations: string[] = [];
    const checked = { light: 0, dark: 0 };
    const report = (theme: keyof typeof checked, sitePath: string, found: Violation[]): void => {
      for (const v of found)
        violations.push(
          `${theme} ${sitePath}: ${v.rule} (${v.impact}: ${v.help}) at ${v.targets.slice(0, 5).join(" | ")}${v.targets.length > 5 ? ` and ${v.targets.length - 5} more` : ""}`,
        );
      checked[theme]++;
    };
    /** Pages wider than a 360 px screen, with the outermost elements that reach past its right edge. */
    const wide: string[] = [];
    const { context, trouble, close } = await watchedContext({ colorScheme: "light", viewport: DESKTOP });
    try {
      // One tab per parallel run, navigated from page to page: a third faster than a tab per page.
      const tabs = await Promise.all(Array.from({ length: POOL_SIZE }, () => context.newPage()));
      await inPool(paths, POOL_SIZE, async (sitePath, worker) => {
        const page = tabs[worker] as Page;
        await page.setViewportSize(DESKTOP);
        await page.emulateMedia({ colorScheme: "light" });
        const response = await page.goto(`${served.url}${sitePath}`, { waitUntil: "load" });
        if (response?.status() !== 200) problems.push(`${sitePath}: HTTP ${response?.status()}`);
        report("light", sitePath, await axeViolations(page));
        // The reader's system turns dark: the page follows it, as it does without a stored choice.
        await page.emulateMedia({ colorScheme: "dark" });
        const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        if (!/^rgb\((\d{1,2}), (\d{1,2}), (\d{1,2})\)$/.test(dark))
          problems.push(`${sitePath}: the dark theme did not apply (background ${dark})`);
        report("dark", sitePath, await axeViolations(page, COLOUR_RULES));
        // The window narrows to a phone's: the page is laid out again, as it is when opened on one.
        await page.setViewportSize(NARROW);
        const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
          const root = document.documentElement;
          const past = (element: Element | null): boolean =>
            element !== null && element.getBoundingClientRect().right > root.clientWidth + 0.5;
          const outermost = [...document.body.querySelectorAll("*")].filter(
            (element) => past(element) && !past(element.parentElement),
          );
          return {
            scrollWidth: root.scrollWidth,
            clientWidth: root.clientWidth,
            culprits: outermost
              .slice(0, 3)
              .map(
                (element) => `<${element.tagName.toLowerCase()}> "${(element.textContent ?? "").trim().slice(0, 40)}"`,
              ),
          };
        });
        if (clientWidth !== NARROW.width) problems.push(`${sitePath}: the window did not narrow (${clientWidth} px)`);
        if (scrollWidth > clientWidth) wide.push(`${sitePath}: ${scrollWidth} px wide, ${culprits.join(", ")}`);
      });
    } finally {
      await close();
    }
    problems.push(...trouble);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `browser proof: ${paths.length} pages (${languages.map((l) => `${l.tag} ${count(l.tag)}`).join(", ")}), each with axe in the light theme and its colour rules in the dark one, and its width at 360 px, in ${seconds.toFixed(1)} s (${POOL_SIZE} pages at a time)`,
    );
    expect(checked).toEqual({ light: paths.length, dark: paths.length });
    expect(problems).toEqual([]);
    expect(violations, `axe found WCAG violations:\n${violations.join("\n")}`).toEqual([]);
    // Wide tables and charts scroll in their own box; nothing else is wider than the screen.
    expect(wide, "pages that scroll sideways on a 360 px screen").toEqual([]);
  }, 600_000);

  it("runs the search page and the 404 page, which the sitemap leaves out, under the same policy, without an axe violation", async () => {
    const request = project.requests.at(-1);
    for (const theme of ["light", "dark"] as const) {
      const { context, trouble, close } = await watchedContext({ colorScheme: theme });
      try {
        const page = await context.newPage();
        // Pagefind runs WebAssembly in a worker: allowed by 'wasm-unsafe-eval' and worker-src 'self'.
        await page.goto(`${served.url}/search/?q=${encodeURIComponent(request?.data.id ?? "")}`);
        const first = page.locator(".search-results > li").first();
        await first.waitFor();
        expect(await first.getByRole("link").getAttribute("href")).toBe(
          `/${recordPath("requests", request?.data.id ?? "")}`,
        );
        expect(await axeViolations(page)).toEqual([]);
        // The policy is in force: an inline script the build did not hash is refused, and reported.
        await page.evaluate(() =>
          document.body.append(
            Object.assign(document.createElement("script"), { textContent: "document.title = 'injected'" }),
          ),
        );
        await expect
          .poll(() => trouble.some((t) => t.includes("securitypolicyviolation: script-src-elem blocked inline")))
          .toBe(true);
        expect(await page.title()).not.toBe("injected");
        trouble.length = 0;
        const missing = await page.goto(`${served.url}/no-such-page/`);
        expect(missing?.status()).toBe(404);
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
        expect(await axeViolations(page)).toEqual([]);
        // The Russian search page, which the sitemap leaves out too.
        expect((await page.goto(`${served.url}/ru/search/`))?.status()).toBe(200);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await close();
      }
      expect(trouble.filter((t) => !t.includes("/no-such-page/"))).toEqual([]);
    }
  });

  /** A page of the preview in a watched context, for keyboard tests. */
  async function openPage(sitePath: string): Promise<{ page: Page; trouble: string[]; close: () => Promise<void> }> {
    const { context, trouble, close } = await watchedContext({ colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(`${served.url}/${sitePath}`);
    return { page, trouble, close };
  }

  /** Describes the focused element, e.g. `a.skip-link "Skip to content"` or `main#main`. */
  const focused = (page: Page): Promise<string> =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return "nothing";
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.classList.length ? `.${[...el.classList].join(".")}` : ""}`;
    });

  it("makes the skip link the first tab stop, and it moves focus to <main>, from where Tab goes on into the content", async () => {
    for (const sitePath of [
      "",
      "transparency/",
      recordPath("blockingEvents", project.blockingEvents[0]?.data.id ?? ""),
      "blog/",
    ]) {
      const { page, trouble, close } = await openPage(sitePath);
      try {
        await page.keyboard.press("Tab");
        expect(await focused(page), sitePath).toBe("a.skip-link");
        expect(await page.locator(".skip-link").isVisible()).toBe(true);
        await page.keyboard.press("Enter");
        expect(await focused(page), sitePath).toBe("main#main");
        await page.keyboard.press("Tab");
        expect(
          await page.evaluate(() => document.querySelector("main")?.contains(document.activeElement) ?? false),
          sitePath,
        ).toBe(true);
      } finally {
        await close();
      }
      expect(trouble).toEqual([]);
    }
  });

  it("shows a visible outline around every link, button and summary focused with the keyboard", async () => {
    const seen = new Set<string>();
    // The report has every kind of control; the blocking list has links inside a chart (SVG <a>).
    for (const sitePath of ["transparency/", "blocking/"]) {
      const { page, trouble, close } = await openPage(sitePath);
      try {
        for (let i = 0; i < 400; i++) {
          await page.keyboard.press("Tab");
          const focus = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return undefined;
            const style = getComputedStyle(el);
            return {
              kind: `${el.tagName.toLowerCase()}${el instanceof SVGElement ? " in svg" : ""}`,
              outline: `${style.outlineStyle} ${style.outlineWidth}`,
              visible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
            };
          });
          if (!focus) break; // back at the start of the page
          seen.add(focus.kind);
          expect(focus.visible, `${sitePath}: a focused ${focus.kind} has outline ${focus.outline}`).toBe(true);
        }
      } finally {
        await close();
      }
      expect(trouble).toEqual([]);
    }
    expect([...seen]).toEqual(expect.arrayContaining(["a", "button", "summary", "a in svg"]));
  });

  it("reaches every chart's data table with the keyboard alone, on every page with a chart", async () => {
    const dist = path.join(dir, "dist");
    const chartPages = htmlFiles(dist)
      .filter((file) => readFileSync(file, "utf8").includes('<figure class="chart"'))
      .map((file) =>
        path
          .relative(dist, file)
          .split(path.sep)
          .join("/")
          .replace(/index\.html$/, ""),
      );
    expect(chartPages).toEqual(expect.arrayContaining(["transparency/", "blocking/", "incidents/"]));
    // Every page with a chart in the main language, and one of each route in the others: the keyboard path through
    // a chart is the same in every language (its words are the proof's above).
    const opened = pagesToOpen(
      chartPages.map((sitePath) => `/${sitePath}`),
      languages,
      [languages[0]?.tag ?? "en"],
    ).map((sitePath) => sitePath.slice(1));
    expect(opened).toEqual(expect.arrayContaining(["transparency/", "ru/transparency/"]));
    let charts = 0;
    for (const sitePath of opened) {
      const { page, trouble, close } = await openPage(sitePath);
      try {
        const summaries = await page.locator("figure.chart details > summary").count();
        expect(summaries, `${sitePath} has charts with data tables`).toBeGreaterThan(0);
        // Every drawn chart has its table (a chart with nothing to draw shows only its summary).
        expect(summaries).toBe(await page.locator("figure.chart:has(.chart-canvas)").count());
        await page.evaluate(() =>
          document
            .querySelectorAll("figure.chart details > summary")
            .forEach((s, i) => s.setAttribute("data-proof", String(i))),
        );
        // Tab through the page, opening each chart's table from its summary with Enter when it is closed.
        const reached = new Set<string>();
        for (let i = 0; i < 600 && reached.size < summaries; i++) {
          await page.keyboard.press("Tab");
          const index = await page.evaluate(() => document.activeElement?.getAttribute("data-proof") ?? null);
          if (index === null || reached.has(index)) continue;
          reached.add(index);
          const details = page.locator(`summary[data-proof="${index}"]`).locator("..");
          if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await page.keyboard.press("Enter");
          expect(await details.locator("table").isVisible(), `${sitePath}: table ${index}`).toBe(true);
          // The keyboard can also close and reopen it.
          await page.keyboard.press("Enter");
          expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
          await page.keyboard.press("Enter");
          expect(await details.locator("table").isVisible()).toBe(true);
        }
        expect(reached.size, sitePath).toBe(summaries);
        charts += summaries;
      } finally {
        await close();
      }
      expect(trouble).toEqual([]);
    }
    // Two on the report page (per period, disclosure rate), the others on the logs, the countries page and a post.
    expect(charts).toBeGreaterThanOrEqual(6);
  });

  it("shows a record's related records on its page, and following one leads to a page that links back", async () => {
    // Requests published as "Other countries" are linked to nothing (test/site/small-counts.test.ts).
    const masked = maskedRequestIds(project);
    const found = project.blockingEvents.find((e) => e.data.related.some((id) => !masked.has(id)));
    expect(found).toBeDefined();
    const record = found && { data: { ...found.data, related: found.data.related.filter((id) => !masked.has(id)) } };
    const here = `/${recordPath("blockingEvents", record?.data.id ?? "")}`;
    const { page, trouble, close } = await openPage(here.slice(1));
    try {
      const related = page.getByRole("region", { name: "Related" });
      expect(await related.isVisible()).toBe(true);
      const links = related.getByRole("link");
      expect(await links.count()).toBeGreaterThanOrEqual(record?.data.related.length ?? 1);
      for (const id of record?.data.related ?? [])
        expect(await related.locator(`a[href$="/${id}/"]`).count(), id).toBe(1);
      // A related record (posts come first in the list, and a post links back from its record cards instead).
      await related
        .locator('a[href*="/blocking/"], a[href*="/incidents/"], a[href*="/transparency/requests/"]')
        .first()
        .click();
      await page.waitForURL((url) => url.pathname !== here);
      expect(await page.getByRole("region", { name: "Related" }).locator(`a[href="${here}"]`).count()).toBe(1);
    } finally {
      await close();
    }
    expect(trouble).toEqual([]);
  });
});
