import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnLetter } from "../../src/load/csv/column-names.ts";
import { launchChromium } from "../helpers/browser.ts";
import { makeFixtureSite, startDevServer, type DevServer } from "../helpers/fixture-site.ts";

/**
 * Saves `rows` the way a spreadsheet's "CSV UTF-8" export does: the whole file rewritten, with a
 * byte-order mark, CRLF line ends and quotes only where a cell needs them.
 */
function saveLikeASpreadsheet(file: string, rows: string[][]): string {
  const text = `\uFEFF${stringify(rows, { record_delimiter: "windows" })}`;
  writeFileSync(file, text);
  return text;
}

/** What the browser shows, read in one go from one document. */
interface Shown {
  url: string;
  title: string;
  h1: string;
  /** The rendered text of the main landmark (CSS applied: hidden text is not in it). */
  main: string;
  /** The text of every link in the main landmark that is rendered visible. */
  visibleLinks: string[];
  /** The rendered text of the dev server's panel of data/ and content/ problems, "" when there is none. */
  panel: string;
}

describe("astro dev picks up CSV edits without a restart, in Chromium", () => {
  let dir: string;
  let server: DevServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let incidents: string;
  let rows: string[][];
  /** Console errors and page errors seen in the browser. */
  const trouble: string[] = [];

  beforeAll(async () => {
    dir = makeFixtureSite("dev");
    incidents = path.join(dir, "data/incidents.csv");
    rows = parse(readFileSync(incidents, "utf8"), { bom: true });
    server = await startDevServer(dir);
    // A missing Chromium fails here with an install hint (never a silent skip).
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") trouble.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => trouble.push(`page error on ${page.url()}: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const column = (name: string): number => {
    const index = rows[0]?.indexOf(name) ?? -1;
    if (index < 0) throw new Error(`data/incidents.csv has no ${name} column`);
    return index;
  };
  /** A copy of `base` with one cell of the first data row changed. */
  const withCell = (base: string[][], name: string, value: string): string[][] =>
    base.map((row, i) => (i === 1 ? row.map((cell, c) => (c === column(name) ? value : cell)) : row));

  /** What the page shows now, or undefined while it is between documents (Astro's HMR reloads it by itself too). */
  const shown = (): Promise<Shown | undefined> =>
    page
      .evaluate(() => {
        const main = document.querySelector("main");
        const links = [...(main?.querySelectorAll("a") ?? [])];
        return {
          url: location.href,
          title: document.title,
          h1: document.querySelector("h1")?.innerText ?? "",
          main: main?.innerText ?? "",
          visibleLinks: links.filter((link) => link.checkVisibility()).map((link) => link.innerText.trim()),
          panel: document.querySelector<HTMLElement>("[role=alert][data-vitrine-dev-problems]")?.innerText ?? "",
        };
      })
      .catch(() => undefined);

  /**
   * Waits until the page shows what `done` asks for, reloading it in the same tab between looks when `reload`
   * is set. Astro's HMR reloads the page by itself after a data change, several times: a reload of ours
   * that one of those interrupts is simply retried.
   */
  const untilShown = async (done: (page: Shown) => boolean, { reload = false } = {}): Promise<Shown> => {
    let last: Shown | undefined;
    let looked = false;
    await expect
      .poll(
        async () => {
          if (reload && looked) await page.reload({ waitUntil: "load" }).catch(() => undefined);
          looked = true;
          last = await shown();
          return last;
        },
        // astro dev renders a route the first time it is asked for: slow on two busy cores.
        { timeout: 120_000, interval: 250 },
      )
      .toSatisfy((seen: Shown | undefined) => seen !== undefined && done(seen));
    if (!last) throw new Error("the page showed nothing");
    return last;
  };

  it("shows an edited cell after a reload, then keeps the last good page and names file:line:column after a bad edit", async () => {
    if (!server) throw new Error("astro dev did not start");
    const id = rows[1]?.[column("id")] ?? "";
    const title = rows[1]?.[column("title")] ?? "";
    expect(id).not.toBe("");
    expect(title).not.toBe("");
    const listUrl = `${server.url}/incidents/`;
    const recordUrl = `${server.url}/incidents/${id}/`;

    // The list page as rendered, then the record page reached through its link, as a reader would.
    expect((await page.goto(listUrl))?.status()).toBe(200);
    await untilShown((p) => p.visibleLinks.includes(title));
    await page.getByRole("link", { name: title, exact: true }).click();
    await page.waitForURL(recordUrl, { timeout: 120_000 });
    await untilShown((p) => p.h1 === title && p.title.includes(title));

    // A spreadsheet edit of one cell: the title, with a comma and quotes so the saved cell must be quoted.
    const renamed = 'Renamed while the server runs, "live"';
    const good = withCell(rows, "title", renamed);
    expect(saveLikeASpreadsheet(incidents, good)).toContain('"Renamed while the server runs, ""live"""');

    // Reloaded in the same tab: the new title everywhere on the record page, the old one nowhere.
    const record = await untilShown((p) => p.h1 === renamed && !p.main.includes(title), { reload: true });
    expect(record.url).toBe(recordUrl);
    expect(record.title).toContain(renamed);
    expect(record.title).not.toContain(title);
    expect(record.main).toContain(renamed);

    expect((await page.goto(listUrl))?.status()).toBe(200);
    await untilShown((p) => p.visibleLinks.includes(renamed) && !p.main.includes(title));

    // A bad cell (a category that does not exist) in an otherwise good save: the dev server lives on,
    // logs file:line:column (line 2 is the first data row; the column is the spreadsheet column, 1-based)
    // and the page keeps the last good data.
    const categoryColumn = column("category");
    const goodCategory = rows[1]?.[categoryColumn] ?? "";
    const badCategory = `${goodCategory}e`;
    saveLikeASpreadsheet(incidents, withCell(withCell(good, "title", "Renamed again"), "category", badCategory));
    await expect
      .poll(() => server?.log() ?? "", { timeout: 30_000, interval: 250 })
      .toContain(`found "${badCategory}"`);
    expect(server.log()).toContain("showing the last valid data until they are fixed");
    const problemLine = `data/incidents.csv:2:${categoryColumn + 1}: column ${columnLetter(categoryColumn + 1)} (category): one of abuse, security, outage, legal, account_action, other (did you mean "${goodCategory}"?), found "${badCategory}"`;
    expect(server.log()).toContain(problemLine);

    // The browser says it too, on every page, with validate's very lines, above the last good data.
    expect((await page.reload({ waitUntil: "load" }))?.status()).toBe(200);
    const list = await untilShown((p) => p.visibleLinks.includes(renamed) && p.panel !== "", { reload: true });
    expect(list.main).not.toContain("Renamed again");
    expect(list.panel.split("\n")).toEqual([
      "data/ or content/ has problems",
      "",
      "This preview still shows the last valid data: your last change is not in it. Fix the lines below and save: this panel goes once all is valid. Only npm run dev shows it.",
      "",
      problemLine,
      "1 problem in 1 file.",
    ]);
    expect((await page.goto(recordUrl))?.status()).toBe(200);
    const kept = await untilShown((p) => p.h1 === renamed && p.panel !== "");
    expect(kept.panel).toContain(problemLine);
    expect(kept.main).not.toContain("Renamed again");
    expect(kept.main).not.toContain(badCategory);

    // Fixed: the panel goes and the change shows.
    saveLikeASpreadsheet(incidents, withCell(good, "title", "Renamed again"));
    const fixed = await untilShown((p) => p.h1 === "Renamed again", { reload: true });
    expect(fixed.panel).toBe("");
    expect(server.log()).toMatch(/\[vitrine\] data\/ and content\/ read and checked: \d+ rows \(\d+ requests\)/);

    // One server process served all of it: Astro never restarted for a data edit, and the browser saw no error.
    expect(server.log()).not.toContain("Restarting");
    expect(server.log().match(/ready in \d+ ms/g)).toHaveLength(1);
    expect(trouble).toEqual([]);
  }, 360_000);
});
