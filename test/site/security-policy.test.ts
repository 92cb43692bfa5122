import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProject, type Project } from "../../src/load/project/load-project.ts";
import { postPath, recordPath } from "../../src/model/paths.ts";
import { readPageCode } from "../../src/output/page-code.ts";
import {
  cspHash,
  HEADERS_FILE,
  metaContentSecurityPolicy,
  parseHeadersFile,
} from "../../src/output/security-headers.ts";
import { THEME_INIT_SCRIPT, THEME_STORAGE_KEY } from "../../src/output/theme-script.ts";
import site from "../../src/site.config.ts";
import { servedSite } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import { htmlFiles } from "../helpers/site-links.ts";

type Parse5Node = DefaultTreeAdapterTypes.Node;

/** Every `<a href>` of a page with its `rel`, found by the HTML parser. */
function links(html: string): { href: string; rel: string }[] {
  const found: { href: string; rel: string }[] = [];
  const visit = (node: Parse5Node): void => {
    if ("tagName" in node && node.tagName === "a") {
      const element: DefaultTreeAdapterTypes.Element = node;
      const attr = (name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;
      const href = attr("href");
      if (href !== undefined) found.push({ href, rel: attr("rel") ?? "" });
    }
    if ("childNodes" in node) for (const child of node.childNodes) visit(child);
  };
  for (const node of parse(html).childNodes) visit(node);
  return found;
}

describe("the security policy on a host that sends no headers (GitHub Pages)", () => {
  const dir = sampleSite("/").dir;
  const dist = path.join(dir, "dist");
  const pages = htmlFiles(dist).map((file) => ({
    name: path.relative(dist, file),
    html: readFileSync(file, "utf8"),
  }));

  describe("in the built pages", () => {
    it("every page carries the CSP and no-referrer as meta elements, first in <head>, before any script or style", () => {
      expect(pages.length).toBeGreaterThan(100);
      const siteWide = parseHeadersFile(readFileSync(path.join(dist, HEADERS_FILE), "utf8"))["content-security-policy"];
      const wrong: string[] = [];
      for (const { name, html } of pages) {
        const head = html.slice(0, html.indexOf("</head>"));
        const code = readPageCode(html);
        const hashes = (texts: string[]): string[] => [...new Set(texts.map(cspHash))].sort();
        const scripts = hashes(code.scripts.map((script) => script.text));
        const styles = hashes(code.styles);
        const expected = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy({ scripts, styles })}"><meta name="referrer" content="no-referrer">`;
        const at = head.indexOf(expected);
        const firstCode = head.search(/<script|<style|<link rel="stylesheet"/);
        if (at < 0 || at > 200 || (firstCode >= 0 && firstCode < at)) wrong.push(`${name}: meta`);
        // The theme's head script first, and every inline script one the site-wide policy allows too.
        if (code.scripts[0]?.text !== THEME_INIT_SCRIPT) wrong.push(`${name}: theme script`);
        if (scripts.some((hash) => !siteWide?.includes(hash))) wrong.push(`${name}: not in _headers`);
      }
      expect(wrong).toEqual([]);
    });

    it("every link to another origin has rel=noreferrer", () => {
      const origin = new URL(site.url).origin;
      const outbound = pages.flatMap(({ name, html }) =>
        links(html)
          .filter(({ href }) => /^(https?:)?\/\//.test(href) && new URL(href, site.url).origin !== origin)
          .map((link) => ({ name, ...link })),
      );
      // The sample links to OONI, its sources and the licence, so the check has links to check.
      expect(outbound.length).toBeGreaterThan(5);
      expect(outbound.filter(({ rel }) => !rel.split(/\s+/).includes("noreferrer"))).toEqual([]);
    });
  });

  describe("in Chromium, served without _headers", () => {
    let project: Project;
    const served = servedSite(dir);

    beforeAll(async () => {
      project = await loadProject(dir);
    });

    /** A context that reports requests to other origins, CSP violations, console errors and page errors into `trouble`. */
    async function watched(colorScheme: "light" | "dark", trouble: string[]): Promise<BrowserContext> {
      const context = await served.browser.newContext({ colorScheme });
      const origin = new URL(served.url).origin;
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(
            `securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"} at ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      });
      context.on("page", (page: Page) => {
        page.on("request", (request) => {
          const url = request.url();
          if (!url.startsWith("data:") && new URL(url).origin !== origin)
            trouble.push(`${page.url()}: request to another origin: ${url}`);
        });
        page.on("console", (message) => {
          if (message.type() === "error" || /Content.Security.Policy/i.test(message.text()))
            trouble.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
        });
        page.on("pageerror", (error) => trouble.push(`${page.url()}: page error: ${error.message}`));
      });
      return context;
    }

    it("no page type requests another origin or breaks the policy, in either theme; theme toggle and search work", async () => {
      const request = project.requests[0]?.data.id ?? "";
      const paths = [
        "",
        "transparency/",
        recordPath("requests", request),
        recordPath("blockingEvents", project.blockingEvents[0]?.data.id ?? ""),
        recordPath("incidents", project.incidents[0]?.data.id ?? ""),
        postPath(project.posts[0]?.id ?? ""),
        "data/",
        "data/dictionary/",
        `search/?q=${encodeURIComponent(request)}`,
      ];
      const trouble: string[] = [];
      for (const colorScheme of ["light", "dark"] as const) {
        const context = await watched(colorScheme, trouble);
        try {
          const page = await context.newPage();
          for (const sitePath of paths) {
            const response = await page.goto(`${served.url}/${sitePath}`);
            expect(response?.status(), sitePath).toBe(200);
            // Served as GitHub Pages serves it: no policy header, only the meta element.
            expect(response?.headers()["content-security-policy"], sitePath).toBeUndefined();
            expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), sitePath).toBe(1);
            if (sitePath.startsWith("search/")) {
              // The search script (a file) and Pagefind's WebAssembly run under the policy.
              await page.locator(".search-results > li").first().waitFor();
              expect(await page.locator(".search-results > li a").first().getAttribute("href")).toBe(
                `/${recordPath("requests", request)}`,
              );
            }
          }
          // The toggle (a bundled file) switches the theme; the inline head script (allowed by its hash) restores it.
          await page.goto(`${served.url}/`);
          const toggle = page.getByRole("button", { name: /^Use (dark|light) theme$/ });
          const before = await toggle.textContent();
          await toggle.click();
          expect(await toggle.textContent()).toBe(before === "Use dark theme" ? "Use light theme" : "Use dark theme");
          const chosen = colorScheme === "dark" ? "light" : "dark";
          expect(await page.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBe(chosen);
          await page.goto(`${served.url}/data/`);
          expect(await page.evaluate(() => document.documentElement.dataset["theme"])).toBe(chosen);
        } finally {
          await context.close();
        }
      }
      expect(trouble).toEqual([]);
    });

    it("reports an inline script the policy does not allow (so the check above can fail)", async () => {
      const trouble: string[] = [];
      const context = await watched("light", trouble);
      try {
        // The built page as it is, with one more inline script after the policy, as an injection would add it.
        await context.route(`${served.url}/data/`, async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace("</main>", "<script>document.title='owned'</script></main>");
          await route.fulfill({ response, body });
        });
        const page = await context.newPage();
        await page.goto(`${served.url}/data/`);
        expect(await page.title()).not.toBe("owned");
      } finally {
        await context.close();
      }
      expect(trouble.join("\n")).toMatch(/securitypolicyviolation: script-src-elem blocked inline at /);
    });
  });
});
