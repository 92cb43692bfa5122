import { differenceCiede2000, wcagContrast } from "culori";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { INCIDENT_CATEGORIES, OUTCOMES, SEVERITIES } from "../../../src/contract/schemas/vocabulary.ts";
import { TIMELINE_FILLS } from "../../../src/output/charts/blocking-timeline.ts";
import { CATEGORY_FILLS, SEVERITY_FILLS } from "../../../src/output/charts/incidents-over-time.ts";
import {
  CHART_BACKGROUND,
  CHART_PALETTE,
  chartColour,
  chartPaletteCss,
  DECORATIVE_COLOURS,
  type ChartColour,
} from "../../../src/output/charts/palette.ts";
import { OUTCOME_FILLS, PUBLISHED_FILLS, resolveFill, type FillStyle } from "../../../src/output/charts/patterns.ts";

const THEMES = ["light", "dark"] as const;
const meanings = Object.keys(CHART_PALETTE) as ChartColour[];
const difference = differenceCiede2000();

/** The site's own colour of a token in one theme, read from the stylesheet the pages use. */
function siteToken(name: string, theme: "light" | "dark"): string {
  const css = readFileSync(new URL("../../../src/styles/global.css", import.meta.url), "utf8");
  const block = theme === "light" ? /^:root\s*\{([^}]*)\}/gm : /^:root\[data-theme="dark"\]\s*\{([^}]*)\}/gm;
  const body = [...css.matchAll(block)].map((m) => m[1] ?? "").join("\n");
  const value = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(body)?.[1];
  if (!value) throw new Error(`--${name} not found in the ${theme} block of global.css`);
  return value;
}

describe("the chart palette", () => {
  it.each(THEMES)("gives every data colour at least 3:1 against the %s background (WCAG 1.4.11)", (theme) => {
    for (const meaning of meanings.filter((m) => !DECORATIVE_COLOURS.includes(m)))
      expect(wcagContrast(CHART_PALETTE[meaning][theme], CHART_BACKGROUND[theme]), meaning).toBeGreaterThanOrEqual(3);
  });

  it("measures against the backgrounds the site's stylesheet really has", () => {
    for (const theme of THEMES) expect(siteToken("bg", theme).toLowerCase()).toBe(CHART_BACKGROUND[theme]);
  });

  it.each(THEMES)("gives each meaning its own colour in the %s theme (one meaning per colour)", (theme) => {
    const values = meanings.map((m) => CHART_PALETTE[m][theme].toLowerCase());
    expect(new Set(values).size).toBe(values.length);
  });

  it("shares the site's colours where the meaning is the site's: in force and partly", () => {
    for (const theme of THEMES) {
      expect(CHART_PALETTE.alert[theme]).toBe(siteToken("accent", theme));
      expect(CHART_PALETTE.partly[theme]).toBe(siteToken("partial", theme));
    }
  });

  const charts: [string, Record<string, FillStyle>][] = [
    ["request outcomes", OUTCOME_FILLS],
    ["incident categories", CATEGORY_FILLS],
    ["incident severities", SEVERITY_FILLS],
  ];
  it.each(charts)("keeps the %s of one chart apart in colour (CIEDE2000 ≥ 10) and in texture", (_, fills) => {
    const styles = Object.values(fills);
    expect(new Set(styles.map((s) => s.pattern)).size).toBe(styles.length);
    for (const theme of THEMES)
      for (const [i, a] of styles.entries())
        for (const b of styles.slice(i + 1))
          expect(
            difference(CHART_PALETTE[a.colour][theme], CHART_PALETTE[b.colour][theme]),
            `${a.colour} / ${b.colour} (${theme})`,
          ).toBeGreaterThanOrEqual(10);
  });

  it("covers every outcome, category and severity, and never colours an outcome like a published total", () => {
    expect(Object.keys(OUTCOME_FILLS).sort()).toEqual([...OUTCOMES].sort());
    expect(Object.keys(CATEGORY_FILLS).sort()).toEqual([...INCIDENT_CATEGORIES].sort());
    expect(Object.keys(SEVERITY_FILLS).sort()).toEqual([...SEVERITIES].sort());
    const outcomeColours = Object.values(OUTCOME_FILLS).map((s) => s.colour);
    for (const fill of Object.values(PUBLISHED_FILLS)) expect(outcomeColours).not.toContain(fill.colour);
  });

  it("no longer paints Disclosed, Abuse and Critical alike", () => {
    const disclosed = OUTCOME_FILLS.disclosed.colour;
    expect(new Set([disclosed, CATEGORY_FILLS.abuse.colour, SEVERITY_FILLS.critical.colour]).size).toBe(3);
    expect(TIMELINE_FILLS.ongoing.colour).toBe(SEVERITY_FILLS.critical.colour);
  });

  // Issue 16: patterns were the main look; colour comes first, a texture is a faint second cue.
  it("keeps a texture faint unless its series shares its colour with another of its chart", () => {
    const sets: [string, Record<string, FillStyle>][] = [
      ["outcomes", OUTCOME_FILLS],
      ["published", PUBLISHED_FILLS],
      ["categories", CATEGORY_FILLS],
      ["severities", SEVERITY_FILLS],
      ["blocking states", TIMELINE_FILLS],
    ];
    const bold: string[] = [];
    for (const [name, fills] of sets)
      for (const [key, style] of Object.entries(fills)) {
        const texture = resolveFill(style, "c", key).tile?.texture;
        if (style.pattern === "solid") expect(texture, `${name} ${key}`).toBeUndefined();
        else {
          const shared = Object.values(fills).some((other) => other !== style && other.colour === style.colour);
          expect(texture, `${name} ${key}`).toBe(shared ? "bold" : "faint");
          if (texture === "bold") bold.push(`${name} ${key}`);
        }
      }
    // The series told apart by their texture alone: a partial block, a block of unknown status, a published range.
    expect(bold.sort()).toEqual(["blocking states partial", "blocking states unknown", "published range"]);
  });

  it("writes every meaning once, as plain colours under the site's light and dark selectors (no light-dark())", () => {
    const css = chartPaletteCss();
    // A browser without light-dark() would take it in a custom property anyway and draw the chart black.
    expect(css).not.toContain("light-dark(");
    const rule = (selector: string): string => {
      const start = css.indexOf(`${selector} {`);
      expect(start, selector).toBeGreaterThanOrEqual(0);
      return css.slice(start, css.indexOf("}", start));
    };
    const light = rule(":root");
    const dark = [
      rule(':root[data-theme="dark"]'),
      rule('@media (prefers-color-scheme: dark) { :root:not([data-theme="light"])'),
    ];
    for (const meaning of meanings) {
      const { light: onLight, dark: onDark } = CHART_PALETTE[meaning];
      expect(light).toContain(`--chart-${meaning}: ${onLight};`);
      for (const block of dark) expect(block).toContain(`--chart-${meaning}: ${onDark};`);
    }
    expect(chartColour("disclosed")).toBe("var(--chart-disclosed)");
  });
});
