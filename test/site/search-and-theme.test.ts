import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { separateBlocks } from "../../src/astro/integrations/search-index.ts";
import { loadProject, type Project } from "../../src/load/project/load-project.ts";
import { pagePath, postPath, recordPath } from "../../src/model/paths.ts";
import { THEME_INIT_SCRIPT, THEME_STORAGE_KEY } from "../../src/output/theme-script.ts";
import { launchChromium, startPreview, type PreviewServer } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import sampleConfig from "../../src/site.config.ts";

/** One page of Pagefind's index: a fragment file is gzip'd `pagefind_dcd` + JSON (Pagefind 1.x's format). */
interface Fragment {
  url: string;
  content: string;
  meta: { title?: string };
}

/** WCAG relative luminance of a `#rgb`, `#rrggbb` or `rgb(r, g, b)` colour (the built CSS shortens hex colours). */
function luminance(colour: string): number {
  const hex = colour.length === 4 ? colour.replace(/[0-9a-f]/gi, "$&$&") : colour;
  const channels = hex.startsWith("#")
    ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
    : (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const [r = 0, g = 0, b = 0] = channels
    .map((c) => c / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe("site search and colour themes", () => {
  const build = sampleSite("/");
  const dir = build.dir;
  let project: Project;
  let preview: PreviewServer | undefined;
  let browser: Promise<Browser> | undefined;

  beforeAll(async () => {
    project = await loadProject(dir);
  });

  afterAll(async () => {
    await (await browser?.catch(() => undefined))?.close();
    await preview?.stop();
  });

  const dist = (...parts: string[]): string => path.join(dir, "dist", ...parts);
  const html = (sitePath: string): string => readFileSync(dist(sitePath, "index.html"), "utf8");

  /** The search index as built: every fragment, by URL. */
  const fragments = (): Map<string, Fragment> => {
    const folder = dist("pagefind/fragment");
    const all = readdirSync(folder).map(
      (name) =>
        JSON.parse(
          gunzipSync(readFileSync(path.join(folder, name)))
            .toString("utf8")
            .replace(/^pagefind_dcd/, ""),
        ) as Fragment,
    );
    return new Map(all.map((fragment) => [fragment.url, fragment]));
  };

  /** Problems seen by the browser tests: failed pages, console errors and requests to any other origin. */
  const trouble: string[] = [];

  /**
   * A fresh browser context on the preview server (Chromium launched once, on first use: a missing
   * Chromium fails the test with an install hint). Every page opened in it reports console errors,
   * page errors and requests to another origin into `trouble`.
   */
  async function newContext(
    options: BrowserContextOptions = {},
  ): Promise<{ context: BrowserContext; page: Page; url: string }> {
    preview ??= await startPreview(dir);
    browser ??= launchChromium();
    const context = await (await browser).newContext(options);
    const origin = new URL(preview.url).origin;
    context.on("page", (page) => watch(page, origin));
    const page = await context.newPage();
    return { context, page, url: preview.url };
  }

  function watch(page: Page, origin: string): void {
    page.on("request", (request) => {
      if (!request.url().startsWith("data:") && new URL(request.url()).origin !== origin)
        trouble.push(`request to another origin: ${request.url()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") trouble.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => trouble.push(`page error on ${page.url()}: ${error.message}`));
  }

  describe("search index", () => {
    it("is written by the build, in process, which says how many pages it indexed", () => {
      expect(build.output).not.toMatch(/\[ERROR\]/);
      expect(build.code).toBe(0);
      expect(existsSync(dist("pagefind/pagefind.js"))).toBe(true);
      const indexed = /\[vitrine:search-index\] pagefind\/: (\d+) pages indexed/.exec(build.output);
      expect(indexed, build.output).not.toBeNull();
      expect(Number(indexed?.[1])).toBe(fragments().size);
      expect(existsSync(path.join(dir, "public/pagefind"))).toBe(false);
      // The ready-made UIs are not used, so not shipped.
      expect(existsSync(dist("pagefind/pagefind-ui.js"))).toBe(false);
    });

    it("covers every record, post and content page, and no list page", () => {
      const records = [
        ...project.requests.map((r) => recordPath("requests", r.data.id)),
        ...project.blockingEvents.map((e) => recordPath("blockingEvents", e.data.id)),
        ...project.incidents.map((i) => recordPath("incidents", i.data.id)),
      ];
      const posts = project.posts.map((p) => postPath(p.id)).filter((p) => existsSync(dist(p, "index.html")));
      const pages = project.pages.map((p) => pagePath(p.id));
      expect(records.length).toBeGreaterThan(50);
      expect(posts.length).toBeGreaterThan(0);
      // Every language of the site has each of them, in its own index (Pagefind splits by <html lang>).
      const prefixes = ["", ...sampleConfig.translations.map((tag) => `${tag.toLowerCase()}/`)];
      const expected = prefixes
        .flatMap((prefix) => [...records, ...posts, ...pages].map((p) => `/${prefix}${p}`))
        .sort();
      expect([...fragments().keys()].sort()).toEqual(expected);
      for (const listPage of [
        "/",
        "/transparency/",
        "/blocking/",
        "/incidents/",
        "/countries/",
        "/countries/ru/",
        "/blog/",
        "/data/",
        "/search/",
      ]) {
        expect(fragments().has(listPage), listPage).toBe(false);
      }
    });

    it("indexes only the main content, titled by the page's h1", () => {
      const event = project.blockingEvents[0];
      const fragment = fragments().get(`/${recordPath("blockingEvents", event?.data.id ?? "")}`);
      expect(fragment?.meta.title).toBe(event?.data.title);
      expect(fragment?.content).not.toContain("Skip to content");
      expect(fragment?.content).not.toContain("Published by");
    });

    it("keeps the words of adjacent fields apart", () => {
      expect(separateBlocks("<dl><dt>Country</dt><dd>Belgium</dd></dl>")).toBe(
        "<dl><dt>Country</dt> <dd>Belgium</dd> </dl> ",
      );
      const request = project.requests[0];
      const sitePath = recordPath("requests", request?.data.id ?? "");
      const labels = [...html(sitePath).matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1] ?? "");
      expect(labels.length).toBeGreaterThan(3);
      const content = fragments().get(`/${sitePath}`)?.content ?? "";
      for (const label of labels)
        expect(content).toMatch(new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[ .]`));
    });
  });

  describe("search page", () => {
    it("runs the ?q= query with JavaScript and links the records it finds", async () => {
      const request = project.requests.at(-1);
      const event = project.blockingEvents.find((e) => e.data.status === "ongoing") ?? project.blockingEvents[0];
      const target = `/${recordPath("blockingEvents", event?.data.id ?? "")}`;
      const { context, page, url } = await newContext();
      try {
        // By a request's id (shown on its page): that request comes first.
        await page.goto(`${url}/search/?q=${encodeURIComponent(request?.data.id ?? "")}`);
        const first = page.locator(".search-results > li").first();
        await first.waitFor();
        expect(await first.getByRole("link").getAttribute("href")).toBe(
          `/${recordPath("requests", request?.data.id ?? "")}`,
        );
        expect(await first.locator(".search-kind").textContent()).toBe("Request");
        await expect.poll(() => page.getByRole("status").textContent()).toMatch(/^\d+ results? for “/);
        // By the longest word of a blocking event's title, typed into the form: one of the results is
        // that event, and the address keeps the query.
        const word = event?.data.title.split(/\W+/).sort((a, b) => b.length - a.length)[0] ?? "";
        await page.getByLabel(/^Search requests/).fill(word);
        await page.getByRole("button", { name: "Search", exact: true }).click();
        await expect.poll(() => page.locator(`.search-results a[href="${target}"]`).count()).toBe(1);
        expect(await page.locator(`.search-results li:has(a[href="${target}"]) .search-kind`).textContent()).toBe(
          "Blocking event",
        );
        expect(new URL(page.url()).searchParams.get("q")).toBe(word);
        expect(await page.locator(".search-results mark").count()).toBeGreaterThan(0);
        // Ten results at a time; "More results" adds the next ones and moves focus to the first of them.
        await page.getByLabel(/^Search requests/).fill("Velin");
        await page.getByLabel(/^Search requests/).press("Enter");
        await expect.poll(() => page.locator(".search-results > li").count()).toBe(10);
        await page.getByRole("button", { name: "More results" }).click();
        await expect.poll(() => page.locator(".search-results > li").count()).toBeGreaterThan(10);
        expect(
          await page.evaluate(
            () =>
              document.activeElement?.closest(".search-results > li") ===
              document.querySelectorAll(".search-results > li")[10],
          ),
        ).toBe(true);
      } finally {
        await context.close();
      }
      expect(trouble).toEqual([]);
    });

    it("still works as a form with links to the full lists without JavaScript", async () => {
      const { context, page, url } = await newContext({ javaScriptEnabled: false });
      try {
        await page.goto(`${url}/search/?q=russia`);
        const form = page.getByRole("search");
        expect(await form.getAttribute("action")).toBe("/search/");
        expect(await form.getAttribute("method")).toBe("get");
        const input = page.getByLabel(/^Search requests/);
        expect(await input.getAttribute("name")).toBe("q");
        expect(await page.getByText("Search runs in your browser and needs JavaScript").isVisible()).toBe(true);
        for (const list of ["transparency/", "blocking/", "incidents/", "blog/", "countries/"]) {
          expect(await page.locator(`main a[href="/${list}"]`).count(), list).toBe(1);
        }
        expect(await page.getByRole("button", { name: /^Use (dark|light) theme$/ }).count()).toBe(0);
        expect(await page.locator("header nav").getByRole("link", { name: "Search" }).getAttribute("href")).toBe(
          "/search/",
        );
        await input.fill("tor");
        await input.press("Enter");
        await page.waitForURL(/\/search\/\?q=tor$/);
        expect(await page.getByRole("search").isVisible()).toBe(true);
      } finally {
        await context.close();
      }
      expect(trouble).toEqual([]);
    });
  });

  describe("themes", () => {
    const background = (page: Page): Promise<string> =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const stored = (page: Page): Promise<string | null> =>
      page.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY);

    it("follows a dark system setting, and the toggle switches to light, remembered across reloads and back", async () => {
      const { context, page, url } = await newContext({ colorScheme: "dark" });
      try {
        await page.goto(`${url}/`);
        expect(luminance(await background(page))).toBeLessThan(0.05);
        // The label says what pressing does: in the dark theme, switch to light.
        const toggle = page.locator("[data-theme-toggle]");
        expect(await toggle.textContent()).toBe("Use light theme");
        await toggle.click();
        expect(await toggle.textContent()).toBe("Use dark theme");
        expect(luminance(await background(page))).toBeGreaterThan(0.9);
        expect(await stored(page)).toBe("light");
        await page.reload();
        expect(await page.evaluate(() => document.documentElement.dataset["theme"])).toBe("light");
        expect(luminance(await background(page))).toBeGreaterThan(0.9);
        expect(await toggle.textContent()).toBe("Use dark theme");
        // With the keyboard: choosing dark again, the system's theme, goes back to following the system.
        await toggle.focus();
        await page.keyboard.press("Space");
        expect(await toggle.textContent()).toBe("Use light theme");
        expect(luminance(await background(page))).toBeLessThan(0.05);
        expect(await stored(page)).toBeNull();
        expect(await page.evaluate(() => document.documentElement.hasAttribute("data-theme"))).toBe(false);
      } finally {
        await context.close();
      }
      expect(trouble).toEqual([]);
    });

    it("sets the stored theme before the first paint, from the inline script that comes first in <head>", async () => {
      for (const sitePath of ["", "search/", recordPath("incidents", project.incidents[0]?.data.id ?? "")]) {
        const head = html(sitePath).split("</head>")[0] ?? "";
        const firstScript = /<script\b[^>]*>([\s\S]*?)<\/script>/.exec(head);
        expect(firstScript?.[0], sitePath).toBe(`<script>${THEME_INIT_SCRIPT}</script>`);
        expect(firstScript?.index ?? Infinity).toBeLessThan(head.search(/<link rel="stylesheet"|<style/));
      }
      expect(THEME_INIT_SCRIPT.length).toBeLessThan(200);

      const { context, page, url } = await newContext({ colorScheme: "light" });
      try {
        await page.goto(`${url}/`);
        await page.evaluate((key) => localStorage.setItem(key, "dark"), THEME_STORAGE_KEY);
        await page.goto(`${url}/blocking/`, { waitUntil: "domcontentloaded" });
        expect(await page.evaluate(() => document.documentElement.dataset["theme"])).toBe("dark");
        // Under a Content-Security-Policy that allows only the hash of THEME_INIT_SCRIPT, every other
        // script is refused, yet the theme is set: the head script alone does it, and the hash matches.
        const hash = createHash("sha256").update(THEME_INIT_SCRIPT).digest("base64");
        await context.route(`${url}/incidents/`, async (route) => {
          const response = await route.fetch();
          await route.fulfill({
            response,
            headers: { ...response.headers(), "content-security-policy": `script-src 'sha256-${hash}'` },
          });
        });
        await page.goto(`${url}/incidents/`, { waitUntil: "domcontentloaded" });
        expect(await page.evaluate(() => document.documentElement.dataset["theme"])).toBe("dark");
        expect(luminance(await background(page))).toBeLessThan(0.05);
        expect(
          await page.getByRole("button", { name: /^Use (dark|light) theme$/ }).count(),
          "the toggle's own script was refused",
        ).toBe(0);
      } finally {
        await context.close();
      }
      const refused = trouble.filter((t) => t.includes("Content Security Policy"));
      expect(refused.length).toBeGreaterThan(0);
      expect(trouble.filter((t) => !refused.includes(t))).toEqual([]);
      trouble.length = 0;
    });

    it("uses the system setting through CSS when JavaScript is off, charts included (no white panel)", async () => {
      const { context, page, url } = await newContext({ colorScheme: "dark", javaScriptEnabled: false });
      try {
        await page.goto(`${url}/transparency/`);
        expect(luminance(await background(page))).toBeLessThan(0.05);
        const charts = page.locator("figure .chart-canvas > svg");
        expect(await charts.count()).toBeGreaterThan(0);
        expect(await charts.first().evaluate((svg) => getComputedStyle(svg).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
        // Chart text is drawn in the theme's text colour, light on the dark page.
        const text = await charts.first().evaluate((svg) => getComputedStyle(svg).fill);
        expect(luminance(text)).toBeGreaterThan(0.5);
      } finally {
        await context.close();
      }
      expect(trouble).toEqual([]);
    });

    it("meets WCAG AA contrast in both themes", async () => {
      const { context, page, url } = await newContext({ colorScheme: "light" });
      try {
        await page.goto(`${url}/`);
        for (const theme of ["light", "dark"]) {
          await page.evaluate((t) => (document.documentElement.dataset["theme"] = t), theme);
          const colours = await page.evaluate(() => {
            const style = getComputedStyle(document.documentElement);
            const names = ["text", "muted", "link", "accent", "partial", "bg", "surface", "banner-bg"] as const;
            return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(`--${name}`).trim()]));
          });
          for (const fg of ["text", "muted", "link", "accent", "partial"]) {
            for (const bg of ["bg", "surface", "banner-bg"]) {
              expect(
                contrast(colours[fg] ?? "", colours[bg] ?? ""),
                `${theme}: --${fg} on --${bg}`,
              ).toBeGreaterThanOrEqual(4.5);
            }
          }
        }
      } finally {
        await context.close();
      }
      expect(trouble).toEqual([]);
    });
  });
});
