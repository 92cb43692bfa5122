import { readFileSync } from "node:fs";
import path from "node:path";
import { wcagContrast } from "culori";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CHART_BACKGROUND, CHART_PALETTE, DECORATIVE_COLOURS } from "../../src/output/charts/palette.ts";
import { servedSite } from "../helpers/browser.ts";
import { repoRoot } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/** The sample's pages with charts: every kind of chart is on one of them, and a post embeds one. */
const CHART_PAGES = ["/transparency/", "/blocking/", "/incidents/", "/countries/", "/blog/transparency-report-2024/"];
const THEMES = ["light", "dark"] as const;
const AXE_SOURCE = readFileSync(path.join(repoRoot, "node_modules/axe-core/axe.min.js"), "utf8");

/** One chart as Chromium drew it. */
interface DrawnChart {
  figure: string;
  /** Classes of the chart's SVGs that are displayed (one layout of two, or the map's only one). */
  shown: string[];
  /** How many layouts the chart comes in: 2 (wide and narrow), or 0 for the map, whose SVG has no text to keep readable. */
  layouts: number;
  /** Smallest rendered size of the displayed SVG text, in CSS pixels (font size × the SVG's scale). */
  smallestText: number;
  /** Texts of the displayed SVGs that reach outside the viewport, or outside the figure. */
  cutOff: string[];
  /** How far the figure's content reaches past its own box (its scroll width minus its width). */
  overflow: number;
}

/** Measures every chart on the page as drawn. */
async function drawnCharts(page: Page): Promise<DrawnChart[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("figure.chart")].map((figure) => {
      const box = figure.getBoundingClientRect();
      const svgs = [...figure.querySelectorAll<SVGSVGElement>(".chart-canvas > svg")].filter(
        (svg) => svg.getBoundingClientRect().width > 0,
      );
      let smallestText = Number.POSITIVE_INFINITY;
      const cutOff: string[] = [];
      for (const text of svgs.flatMap((svg) => [...svg.querySelectorAll("text")])) {
        const size = parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 0);
        smallestText = Math.min(smallestText, size);
        const r = text.getBoundingClientRect();
        if (r.left < 0 || r.right > window.innerWidth || r.left < box.left - 0.5 || r.right > box.right + 0.5)
          cutOff.push(`${text.textContent ?? ""} (${Math.round(r.left)}–${Math.round(r.right)} px)`);
      }
      return {
        figure: figure.id,
        shown: svgs.map((svg) => svg.getAttribute("class") ?? "(no class)"),
        layouts: figure.querySelectorAll(".chart-canvas > svg.chart-wide, .chart-canvas > svg.chart-narrow").length,
        smallestText,
        cutOff,
        overflow: figure.scrollWidth - figure.clientWidth,
      };
    }),
  );
}

/** Every colour a data mark of the page's displayed charts is drawn in, with the mark it is on (patterns resolved to their ground's and shapes' colours). */
async function markColours(page: Page): Promise<{ colour: string; mark: string }[]> {
  return page.evaluate(() => {
    const out: { colour: string; mark: string }[] = [];
    const visible = [...document.querySelectorAll<SVGSVGElement>("figure.chart svg")].filter(
      (svg) => svg.getBoundingClientRect().width > 0,
    );
    for (const svg of visible) {
      for (const mark of svg.querySelectorAll<SVGElement>("rect, path, circle")) {
        if (mark.closest("defs")) continue;
        const style = getComputedStyle(mark);
        const name = `${svg.closest("figure")?.id ?? ""} ${mark.tagName} ${mark.querySelector("title")?.textContent ?? ""}`;
        for (const paint of [style.fill, style.stroke]) {
          if (paint === "none" || paint.startsWith("rgba(0, 0, 0, 0)")) continue;
          const pattern = /url\("?#([^")]+)"?\)/.exec(paint)?.[1];
          if (!pattern) {
            out.push({ colour: paint, mark: name });
            continue;
          }
          // A pattern's ground and its shapes (a faint texture's ground is the series' colour, a bold one's the page's).
          for (const shape of document.getElementById(pattern)?.querySelectorAll("rect, path, circle") ?? []) {
            const shapeStyle = getComputedStyle(shape);
            out.push({
              colour: shape.tagName === "path" ? shapeStyle.stroke : shapeStyle.fill,
              mark: `${name} (pattern)`,
            });
          }
        }
      }
    }
    return out;
  });
}

/** "rgb(1, 2, 3)" as "#010203", for culori and for comparing with the palette. */
function hex(rgb: string): string {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

describe("charts in Chromium", () => {
  const dir = sampleSite("/").dir;
  const served = servedSite(dir);

  it.each([
    [360, "chart-narrow"],
    [1280, "chart-wide"],
  ])(
    "at %i px, every chart shows one layout (%s), nothing cut off or overflowing, axis text at 12 px or more",
    async (width, layout) => {
      const problems: string[] = [];
      // Every page of the list draws at least one chart in each theme, so the checks below never pass on nothing.
      const drawnOn = new Set<string>();
      for (const theme of THEMES) {
        const context = await served.browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
        try {
          const page = await context.newPage();
          for (const sitePath of CHART_PAGES) {
            await page.goto(`${served.url}${sitePath}`);
            for (const chart of await drawnCharts(page)) {
              if (chart.shown.length === 0) continue; // nothing to draw: the summary says so
              drawnOn.add(`${theme} ${sitePath}`);
              const where = `${theme} ${sitePath} ${chart.figure}`;
              // Two layouts of every drawing (the incidents chart has two panels, so two drawings); the map
              // has no text inside its SVG, so it needs no narrow layout.
              // On a phone, always the narrow one; on a wide screen the wide one, or the narrow one where a chart
              // gets less room than the wide one needs (two charts side by side): the text size check decides.
              const shown = (one: string) =>
                chart.layouts === 0 ? ["(no class)"] : Array<string>(chart.layouts / 2).fill(one);
              const allowed = width < 552 ? [shown(layout)] : [shown("chart-wide"), shown("chart-narrow")];
              if (chart.layouts % 2 !== 0) problems.push(`${where}: ${chart.layouts} layouts`);
              if (!allowed.some((one) => one.join() === chart.shown.join()))
                problems.push(`${where}: shows ${chart.shown.join(", ")}`);
              if (chart.smallestText < 12) problems.push(`${where}: text at ${chart.smallestText.toFixed(1)} px`);
              if (chart.overflow > 0) problems.push(`${where}: overflows its figure by ${chart.overflow} px`);
              for (const text of chart.cutOff) problems.push(`${where}: cut off: ${text}`);
            }
          }
        } finally {
          await context.close();
        }
      }
      expect(drawnOn.size).toBe(THEMES.length * CHART_PAGES.length);
      expect(problems).toEqual([]);
    },
    120_000,
  );

  // Set once in the site's stylesheet as plain colours, not light-dark() in an attribute on every chart: a
  // browser without light-dark() gets the right colours in both themes too.
  it.each(["system", "toggle"] as const)(
    "gives every chart colour its plain light or dark value, the theme chosen by the %s",
    async (chosenBy) => {
      for (const theme of THEMES) {
        const context = await served.browser.newContext({
          viewport: { width: 1280, height: 900 },
          colorScheme: chosenBy === "system" ? theme : theme === "dark" ? "light" : "dark",
        });
        try {
          const page = await context.newPage();
          await page.goto(`${served.url}/transparency/`);
          if (chosenBy === "toggle") await page.evaluate((t) => (document.documentElement.dataset["theme"] = t), theme);
          const values = await page.evaluate((names) => {
            const figure = document.querySelector("figure.chart");
            if (!figure) return null;
            return {
              attribute: figure.getAttribute("style"),
              colours: names.map((name) => getComputedStyle(figure).getPropertyValue(`--chart-${name}`).trim()),
            };
          }, Object.keys(CHART_PALETTE));
          expect(values?.attribute ?? null, theme).toBeNull();
          expect(values?.colours, `${chosenBy} ${theme}`).toEqual(
            Object.values(CHART_PALETTE).map((colours) => colours[theme]),
          );
        } finally {
          await context.close();
        }
      }
    },
  );

  it("shows the blocking timeline up to today on a phone", async () => {
    const context = await served.browser.newContext({ viewport: { width: 360, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${served.url}/blocking/`);
      const now = page.locator("svg.chart-narrow text", { hasText: /^As of / });
      await expect.poll(() => now.isVisible()).toBe(true);
      const box = await now.boundingBox();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 360).toBe(true);
      // Every bar in force ends at the now line, in view: its "ongoing" label is drawn inside the screen.
      const ongoing = await page.locator("svg.chart-narrow text", { hasText: /^ongoing$/ }).all();
      expect(ongoing.length).toBeGreaterThan(0);
      for (const label of ongoing) expect(((await label.boundingBox())?.x ?? 999) + 1).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });

  it("draws every data mark at 3:1 or more against the page in both themes, and axe finds no contrast problem in the dark one", async () => {
    const problems: string[] = [];
    const decorative = new Set<string>(
      DECORATIVE_COLOURS.flatMap((meaning) => [CHART_PALETTE[meaning].light, CHART_PALETTE[meaning].dark]),
    );
    let marks = 0;
    for (const theme of THEMES) {
      const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: theme });
      await context.addInitScript({ content: AXE_SOURCE });
      try {
        const page = await context.newPage();
        for (const sitePath of CHART_PAGES) {
          await page.goto(`${served.url}${sitePath}`);
          // The background the charts are drawn on: the first opaque one from a chart's figure up.
          const background = hex(
            await page.evaluate(() => {
              for (let e: Element | null = document.querySelector("figure.chart"); e; e = e.parentElement) {
                const colour = getComputedStyle(e).backgroundColor;
                if (colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") return colour;
              }
              return "rgb(255, 255, 255)";
            }),
          );
          expect(background, `${theme} page background`).toBe(CHART_BACKGROUND[theme]);
          for (const { colour, mark } of await markColours(page)) {
            const value = hex(colour);
            // The page's own background (borders between countries, the veil over uncertain dates) and areas without data are not marks.
            if (value === background || decorative.has(value)) continue;
            marks++;
            const ratio = wcagContrast(value, background);
            if (ratio < 3)
              problems.push(`${theme} ${sitePath} ${mark}: ${value} on ${background} is ${ratio.toFixed(2)}:1`);
          }
          if (theme === "dark") {
            const violations = await page.evaluate(async () => {
              const axe = (
                window as unknown as {
                  axe: {
                    run: (
                      context: object,
                      options: object,
                    ) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
                  };
                }
              ).axe;
              const result = await axe.run(
                { include: [["figure.chart"]] },
                { runOnly: { type: "rule", values: ["color-contrast"] } },
              );
              return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(" ")}`));
            });
            problems.push(...violations.map((v) => `${sitePath}: ${v}`));
          }
        }
      } finally {
        await context.close();
      }
    }
    expect(marks).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  }, 120_000);
});
