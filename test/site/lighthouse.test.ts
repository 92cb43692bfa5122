import lighthouse, { desktopConfig, type Flags } from "lighthouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject, type Project } from "../../src/lib/project/load-project.ts";
import { postPath, recordPath } from "../../src/lib/site/paths.ts";
import {
  launchDebuggableChromium,
  startPreview,
  type DebuggableChromium,
  type PreviewServer,
} from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

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

  /** The scores of one page (0–100 by category) and a line for every audit that lost points. */
  async function audit(sitePath: string): Promise<{ scores: Record<string, number>; lost: string[] }> {
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
    return { scores, lost };
  }

  it("scores 100 in performance, accessibility, best practices and SEO on the home page, the report, a blocking event and a post", async () => {
    const event = project.blockingEvents.find((e) => e.data.status === "ongoing") ?? project.blockingEvents[0];
    const post = project.posts.filter((p) => !p.data.draft).sort((a, b) => b.data.date.localeCompare(a.data.date))[0];
    const pages = ["", "transparency/", recordPath("blockingEvents", event?.data.id ?? ""), postPath(post?.id ?? "")];
    const lost: string[] = [];
    const table: string[] = [];
    for (const sitePath of pages) {
      const result = await audit(sitePath);
      table.push(`/${sitePath}: ${CATEGORIES.map((c) => `${c} ${result.scores[c]}`).join(", ")}`);
      expect(Object.keys(result.scores).sort()).toEqual([...CATEGORIES].sort());
      const below = CATEGORIES.filter((c) => result.scores[c] !== 100);
      if (below.length > 0)
        lost.push(`/${sitePath} scored ${below.map((c) => `${c} ${result.scores[c]}`).join(", ")}`, ...result.lost);
    }
    console.log(`Lighthouse (desktop, simulated throttling):\n${table.join("\n")}`);
    expect(lost, `audits that lost points:\n${lost.join("\n")}`).toEqual([]);
  }, 300_000);
});
