import lighthouse, { desktopConfig, type Flags } from "lighthouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject, type Project } from "../../src/load/project/load-project.ts";
import { postPath, recordPath } from "../../src/model/paths.ts";
import {
  launchDebuggableChromium,
  startPreview,
  type DebuggableChromium,
  type PreviewServer,
} from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/** Categories every audited page must score 100 in. */
const PERFECT = ["accessibility", "best-practices", "seo"];
/**
 * Performance is audited for its metrics. Its score weighs timings that a busy machine stretches (a
 * 2-core CI machine running other tests pushed it to 92 once), so the metrics themselves have budgets.
 */
const CATEGORIES = ["performance", ...PERFECT];

/**
 * Budgets on the performance metrics of every audited page, under Lighthouse's simulated desktop
 * throttling (FLAGS), with room for a machine busy with other tests. Measured 2026-11-29 on the four
 * pages, on a shared 2-core machine: blocking time 0–43 ms, 119–148 ms now and then with other test
 * files beside it (performance 97–99), largest paint 212–343 ms, layout shift at most 0.006.
 * Lighthouse counts 150 ms, 1.2 s and 0.1 as good for a desktop page. Simulated or not, these come
 * from the tasks the browser really ran, which a busy CPU stretches (the post once took 493 ms of
 * blocking time and 623 ms to paint while site builds ran beside it: performance 76), so a page over
 * budget is audited again, up to RUNS times, and each metric is judged on its best run.
 */
const METRIC_BUDGETS = {
  /** Main-thread time past 50 ms per task between first paint and interactive, in ms. */
  "total-blocking-time": 300,
  /** When the largest text or image is painted, in ms. */
  "largest-contentful-paint": 800,
  /** How far the layout moves while loading (unitless). */
  "cumulative-layout-shift": 0.05,
} as const;

/**
 * Budgets on the bytes a page transfers (everything it loads, compressed as the preview server sends
 * it), in KB (1,024 bytes), about 25% over what was measured (in the comment, 2026-11-29).
 */
const BYTE_BUDGETS_KB = {
  home: 9, // 7.6 KB (2026-11-30): 5.2 KB before issue 18 added hreflang links to four languages, the language switcher and its styles
  report: 51, // 40.5 KB
  "blocking event": 11, // 9.3 KB (7.1 before its corrections, the scrolling table regions and the footer's release line)
  post: 17, // 14.0 KB (11.2 before the chart palette became a stylesheet its charts load, and the footer named the release)
} as const;

/** Audits of a page at most, while one of its metrics is over budget (see METRIC_BUDGETS). */
const RUNS = 3;

/**
 * Lighthouse's desktop settings (form factor, 1350×940 screen, desktop user agent) with its default
 * throttling method, "simulate", at the desktop preset (40 ms round trip, 10 Mbit/s, no CPU slowdown):
 * the page loads at full speed from the local server and Lighthouse computes how it would load over
 * that connection. Loopback has no latency at all, so unthrottled numbers would flatter the site;
 * "devtools" throttling really slows the browser and would make the score swing with the load of a
 * 2-core CI machine running other tests at the same time.
 */
const FLAGS: Flags = { output: "json", logLevel: "error", onlyCategories: CATEGORIES };

describe("Lighthouse on the built site", () => {
  const dir = sampleSite("/").dir;
  let project: Project;
  let preview: PreviewServer;
  let chromium: DebuggableChromium;

  beforeAll(async () => {
    project = await loadProject(dir);
    [preview, chromium] = await Promise.all([startPreview(dir), launchDebuggableChromium()]);
  });

  afterAll(async () => {
    await chromium?.stop();
    await preview?.stop();
  });

  /** What Lighthouse found on one page: scores (0–100 by category), metric values, and a line for every audit that lost points. */
  async function audit(
    sitePath: string,
  ): Promise<{ scores: Record<string, number>; metrics: Record<string, number>; lost: string[] }> {
    const result = await lighthouse(`${preview.url}/${sitePath}`, { ...FLAGS, port: chromium.port }, desktopConfig);
    if (!result) throw new Error(`Lighthouse returned nothing for /${sitePath}`);
    const { lhr } = result;
    if (lhr.runtimeError)
      throw new Error(`Lighthouse failed on /${sitePath}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores: Record<string, number> = {};
    const lost: string[] = [];
    for (const category of Object.values(lhr.categories)) {
      scores[category.id] = Math.round((category.score ?? 0) * 100);
      for (const ref of category.auditRefs) {
        const a = lhr.audits[ref.id];
        if (!a || ref.weight === 0 || a.score === null || a.score >= 1) continue;
        lost.push(
          `/${sitePath} ${category.id}: ${a.id} scored ${a.score}${a.displayValue ? ` (${a.displayValue})` : ""}: ${a.title}`,
        );
      }
    }
    const metrics: Record<string, number> = {};
    for (const id of [...Object.keys(METRIC_BUDGETS), "total-byte-weight"]) {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse measured no ${id} on /${sitePath}`);
      metrics[id] = value;
    }
    return { scores, metrics, lost };
  }

  it("scores 100 in accessibility, best practices and SEO, and keeps blocking time, largest paint, layout shift and bytes within budget, on the home page, the report, a blocking event and a post", async () => {
    const event = project.blockingEvents.find((e) => e.data.status === "ongoing") ?? project.blockingEvents[0];
    const post = project.posts.filter((p) => !p.data.draft).sort((a, b) => b.data.date.localeCompare(a.data.date))[0];
    const pages: Record<keyof typeof BYTE_BUDGETS_KB, string> = {
      home: "",
      report: "transparency/",
      "blocking event": recordPath("blockingEvents", event?.data.id ?? ""),
      post: postPath(post?.id ?? ""),
    };
    const lost: string[] = [];
    const overBudget: string[] = [];
    const table: string[] = [];
    for (const [page, sitePath] of Object.entries(pages) as [keyof typeof pages, string][]) {
      const result = await audit(sitePath);
      expect(Object.keys(result.scores).sort()).toEqual([...CATEGORIES].sort());
      const below = PERFECT.filter((c) => result.scores[c] !== 100);
      if (below.length > 0)
        lost.push(
          `/${sitePath} scored ${below.map((c) => `${c} ${result.scores[c]}`).join(", ")}`,
          ...result.lost.filter((line) => !line.includes(" performance: ")),
        );
      // Each metric's best run: audited again while one is over budget.
      const runs = [result.metrics];
      const best = (id: string): number => Math.min(...runs.map((metrics) => metrics[id] ?? Infinity));
      const over = (): [string, number][] => Object.entries(METRIC_BUDGETS).filter(([id, budget]) => best(id) > budget);
      while (over().length > 0 && runs.length < RUNS) runs.push((await audit(sitePath)).metrics);
      for (const [id, budget] of over())
        overBudget.push(
          `/${sitePath}: ${id} ${best(id)} over its budget of ${budget} (runs: ${runs.map((metrics) => metrics[id]).join(", ")})`,
        );
      const kb = (result.metrics["total-byte-weight"] ?? 0) / 1024;
      if (kb > BYTE_BUDGETS_KB[page])
        overBudget.push(
          `/${sitePath}: ${kb.toFixed(1)} KB transferred, over its budget of ${BYTE_BUDGETS_KB[page]} KB`,
        );
      table.push(
        `/${sitePath}: ${CATEGORIES.map((c) => `${c} ${result.scores[c]}`).join(", ")}; ${Object.keys(METRIC_BUDGETS)
          .map((id) => `${id} ${best(id).toFixed(id === "cumulative-layout-shift" ? 3 : 0)}`)
          .join(", ")}${runs.length > 1 ? ` (best of ${runs.length} runs)` : ""}, ${kb.toFixed(1)} KB`,
      );
    }
    console.log(`Lighthouse (desktop, simulated throttling; scores of the first run):\n${table.join("\n")}`);
    expect(lost, `audits that lost points:\n${lost.join("\n")}`).toEqual([]);
    expect(overBudget, `performance metrics over budget:\n${overBudget.join("\n")}`).toEqual([]);
  }, 300_000);
});
