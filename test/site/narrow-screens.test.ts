import { describe, expect, it } from "vitest";
import { servedSite } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import siteConfig from "../../src/site.config.ts";
import { siteLanguages } from "../../src/i18n/languages.ts";

/*
 * The header, the banner and the footer on a phone and on a desktop. That no page scrolls sideways on a 360 px screen
 * is checked on every page the browser proof opens (browser-proof.test.ts).
 */
describe("the frame of every page on a phone and on a desktop", () => {
  const { dir } = sampleSite("/");
  const served = servedSite(dir);

  // The header and the blocking banner took 270 px of a 390 px phone before the page's title (issue 16).
  it("leaves the title on a phone's first screen: the header and banner take at most 200 px at 390 px", async () => {
    const page = await served.browser.newPage({ viewport: { width: 390, height: 800 } });
    for (const sitePath of ["/", "/blocking/", "/transparency/"]) {
      await page.goto(`${served.url}${sitePath}`);
      const bottom = await page.evaluate(() =>
        Math.max(
          ...[".site-header", ".site-banner"].map(
            (selector) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? 0,
          ),
        ),
      );
      expect(bottom, sitePath).toBeGreaterThan(0);
      expect(bottom, sitePath).toBeLessThanOrEqual(200);
    }
    await page.close();
  });

  it("keeps the header and the blocking banner on one line each at 1280 px, in every language", async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const tops: string[] = [];
    for (const language of siteLanguages(siteConfig)) {
      const sitePath = language.path ? `/${language.path}/` : "/";
      await page.goto(`${served.url}${sitePath}`);
      const { header, banner } = await page.evaluate(() => {
        // The tops of the header's items (its name, every link, the switcher and the theme toggle), and the
        // banner's height in lines.
        const items = [
          ...document.querySelectorAll(
            ".site-header .brand, .site-header nav a, .site-header button, .site-header summary",
          ),
        ];
        const text = document.querySelector(".site-banner p") ?? document.querySelector(".site-banner");
        const style = text ? getComputedStyle(text) : undefined;
        const lineHeight = style ? parseFloat(style.lineHeight) : 0;
        const padding = style ? parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) : 0;
        return {
          header: items.map((item) =>
            Math.round(item.getBoundingClientRect().top + item.getBoundingClientRect().height / 2),
          ),
          banner: text && lineHeight > 0 ? Math.round((text.getBoundingClientRect().height - padding) / lineHeight) : 0,
        };
      });
      expect(header.length, sitePath).toBeGreaterThan(8);
      // Every item centred on the same line, give or take a few pixels.
      if (Math.max(...header) - Math.min(...header) > 4)
        tops.push(`${sitePath}: header items centred at ${header.join(", ")}`);
      if (banner !== 1) tops.push(`${sitePath}: banner on ${banner} lines`);
    }
    await page.close();
    expect(tops).toEqual([]);
  });

  it("keeps the footer at the bottom of the window on a short page, and the page's column where it was", async () => {
    for (const width of [1280, 360]) {
      const page = await served.browser.newPage({ viewport: { width, height: 900 } });
      // The list of tags: shorter than the window at both widths (the 404 page says its lines in every language).
      await page.goto(`${served.url}/blog/tags/`);
      const box = await page.evaluate(() => ({
        footer: document.querySelector(".site-footer")?.getBoundingClientRect().bottom ?? 0,
        brand: document.querySelector(".brand")?.getBoundingClientRect().left ?? 0,
        footerText: document.querySelector(".site-footer p")?.getBoundingClientRect().left ?? 0,
        heading: document.querySelector("h1")?.getBoundingClientRect().left ?? 0,
      }));
      expect(box.footer, `${width} px`).toBe(900);
      // On a desktop the heading lines up with the site's name and the footer's text, as before the footer moved.
      if (width === 1280) expect([box.heading, box.footerText]).toEqual([box.brand, box.brand]);
      await page.close();
    }
  });
});
