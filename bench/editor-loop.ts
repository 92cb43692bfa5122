/**
 * The editor loop, on a copy of the repository's sample site: what someone editing the site waits for.
 *
 * 1. Warm `npm run build`: the copy built twice, the second timed (every card from the cache), against
 *    a bare Astro project of as many pages built the same way (`npm run build`, twice, the second timed).
 * 2. `npm run dev`, started twice (the first in a copy that never ran it, the second with its caches):
 *    seconds from the command to Astro's "ready" line, then to the whole response of the first page (`/`).
 * 3. A CSV edit in the browser: a record page open in Chromium (playwright-core) on the second dev
 *    server, `data/incidents.csv` saved as a spreadsheet does (the whole file, BOM, CRLF) with the record's
 *    title changed, and the seconds from the save to the new title in the page's `<h1>`. The page is never
 *    reloaded by the bench: Astro's dev server reloads it.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Page } from "playwright-core";
import { launchChromium } from "../test/helpers/browser.ts";
import { freePort } from "../test/helpers/fixture-site.ts";
import { cardLines, devReadyMs } from "./build-output.ts";
import { mustSucceed, runMeasured, watchProcessTree, type Measured } from "./measure.ts";
import { countOutput, makeFloorProject, makeSampleCopy } from "./projects.ts";
import { median, ratio } from "./targets.ts";

/** CSV edits timed in the browser; the target is on their median. */
const CSV_EDITS = 5;
/** Seconds left between two edits: Astro's dev server reloads the page a few times after each. */
const SETTLE_MS = 2_000;
/** Longest wait for anything in the loop (a server start, a page, an edit to show) before the bench fails. */
const TIMEOUT_MS = 120_000;

/** What `benchEditorLoop` measured. */
export interface EditorLoopResult {
  pages: number;
  otherFiles: number;
  firstBuild: { seconds: number; peakMemoryMiB: number };
  warmBuild: {
    seconds: number;
    cpuSeconds: number;
    peakMemoryMiB: number;
    cardsRendered: number;
    cardsFromCache: number;
  };
  /** The bare Astro project of as many pages: its first and (timed) second `npm run build`. */
  floor: { pages: number; firstSeconds: number; seconds: number; cpuSeconds: number };
  warmBuildToFloor: number;
  /** `npm run dev` in a copy that never ran it (no dev data store, no optimized dependencies). */
  devFirstStart: DevStart;
  /** `npm run dev` again, as an editor starts it every day: the target. */
  dev: DevStart;
  devPeakMemoryMiB: number;
  /** Seconds from each save to the new text in the page. */
  csvEditSeconds: number[];
  csvEditMedianSeconds: number;
  /** Largest peak memory of the loop's builds and dev servers. */
  peakMemoryMiB: number;
}

/** One start of the dev server. */
export interface DevStart {
  /** From the command to Astro's "ready" line, Node's and npm's start-up included. */
  readySeconds: number;
  /** Astro's own figure on that line ("ready in N ms"). */
  astroReadyMs: number;
  /** From the "ready" line to the whole response of `/`. */
  firstPageSeconds: number;
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
const mib = (bytes: number): number => Math.round(bytes / 1024 ** 2);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `rows` (a CSV file's header and records) with one cell replaced; the others are kept as they are. */
export function withCell(rows: readonly string[][], row: number, column: number, value: string): string[][] {
  if (rows[row]?.[column] === undefined) throw new Error(`No cell at row ${row}, column ${column}`);
  return rows.map((cells, r) => (r === row ? cells.map((cell, c) => (c === column ? value : cell)) : [...cells]));
}

/** CSV text as a spreadsheet's "CSV UTF-8" export writes it: a byte-order mark, CRLF, quotes only where needed. */
export function spreadsheetCsv(rows: readonly string[][]): string {
  return `\uFEFF${stringify(rows as string[][], { record_delimiter: "windows" })}`;
}

/** Runs `npm run build` in `dir`; fails the bench when it fails. */
async function npmBuild(dir: string, env: NodeJS.ProcessEnv, what: string): Promise<Measured> {
  return mustSucceed(what, await runMeasured("npm", ["run", "build"], { cwd: dir, env }));
}

/** A running `npm run dev`, started and measured by `startDev`. */
interface DevServer {
  url: string;
  start: DevStart;
  /** Stops the server's whole process group; the peak memory of its process tree, bytes. */
  stop: () => Promise<number>;
}

/** Starts `npm run dev` in `dir` and times it up to the first page (see `DevStart`). */
async function startDev(dir: string, env: NodeJS.ProcessEnv): Promise<DevServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Loads Node's fetch before the clock starts, so the first page's time is the server's alone.
  await fetch(url).catch(() => undefined);
  const started = performance.now();
  const child = spawn("npm", ["run", "dev", "--", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: dir,
    // In the foreground: Astro backgrounds `astro dev` when it believes an AI agent runs it.
    env: { ...env, ASTRO_DEV_BACKGROUND: "0" },
    detached: true,
  });
  const tree = child.pid === undefined ? undefined : watchProcessTree(child.pid);
  let output = "";
  const stop = async (): Promise<number> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-(child.pid ?? 0), "SIGTERM");
      await exited;
    }
    // npm may end before the Astro process below it: wait for the whole group to be gone.
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(-(child.pid ?? 0), 0);
      } catch {
        break;
      }
      if (i === 50) process.kill(-(child.pid ?? 0), "SIGKILL");
      await sleep(100);
    }
    return tree?.stop().peakBytes ?? 0;
  };
  const ready = new Promise<{ at: number; astroMs: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run dev printed no "ready" line:\n${output}`)), TIMEOUT_MS);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const astroMs = devReadyMs(output);
      if (astroMs !== undefined) {
        clearTimeout(timer);
        resolve({ at: performance.now(), astroMs });
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run dev exited with ${code}:\n${output}`));
    });
  });
  try {
    const { at, astroMs } = await ready;
    const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.text();
    const firstPageSeconds = round((performance.now() - at) / 1000);
    if (!response.ok) throw new Error(`The dev server answered ${response.status} for /:\n${output}`);
    return {
      url,
      start: { readySeconds: round((at - started) / 1000), astroReadyMs: astroMs, firstPageSeconds },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits until the page's `<h1>` reads `text`, looking every 10 ms (the page may be between documents). */
async function untilHeading(page: Page, text: string): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS;
  while (performance.now() < deadline) {
    const shown = await page.evaluate(() => document.querySelector("h1")?.innerText).catch(() => undefined);
    if (shown === text) return;
    await sleep(10);
  }
  throw new Error(`The page never showed the heading "${text}"`);
}

/**
 * Opens the first incident's page at `url` in Chromium, then `edits` times saves data/incidents.csv with
 * that incident's title changed: the seconds from each save to the new title in the page.
 */
async function timeCsvEdits(dir: string, url: string, edits: number): Promise<number[]> {
  const file = path.join(dir, "data/incidents.csv");
  let rows: string[][] = parse(readFileSync(file, "utf8"), { bom: true });
  const column = (name: string): number => {
    const index = rows[0]?.indexOf(name) ?? -1;
    if (index < 0) throw new Error(`data/incidents.csv has no ${name} column`);
    return index;
  };
  const id = rows[1]?.[column("id")];
  const title = rows[1]?.[column("title")];
  if (!id || !title) throw new Error("data/incidents.csv has no record to edit");
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/incidents/${id}/`, { timeout: TIMEOUT_MS });
    await untilHeading(page, title);
    const seconds: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      const edited = `${title}, edit ${edit}`;
      rows = withCell(rows, 1, column("title"), edited);
      writeFileSync(file, spreadsheetCsv(rows));
      const saved = performance.now();
      await untilHeading(page, edited);
      seconds.push(round((performance.now() - saved) / 1000));
      await sleep(SETTLE_MS);
    }
    return seconds;
  } finally {
    await browser.close();
  }
}

/** Runs the editor loop in a copy of the sample site made under `dir` (see the module comment). */
export async function benchEditorLoop(
  dir: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<EditorLoopResult> {
  const site = path.join(dir, "sample");
  makeSampleCopy(site);
  log("sample site: npm run build, twice…");
  const first = await npmBuild(site, env, "npm run build (sample, first)");
  const warm = await npmBuild(site, env, "npm run build (sample, warm)");
  const cards = cardLines(warm.output);
  const output = countOutput(path.join(site, "dist"));
  log(`sample site: ${output.pages} pages, warm build ${round(warm.wallMs / 1000)} s`);

  const floorDir = path.join(dir, "sample-floor");
  makeFloorProject(floorDir, output.pages);
  const floorFirst = await npmBuild(floorDir, env, "npm run build (bare Astro, first)");
  const floor = await npmBuild(floorDir, env, "npm run build (bare Astro, warm)");
  const floorPages = countOutput(path.join(floorDir, "dist")).pages;
  log(`bare Astro, ${floorPages} pages: ${round(floor.wallMs / 1000)} s`);

  log("npm run dev, first start…");
  const firstDev = await startDev(site, env);
  const firstPeak = await firstDev.stop();
  log(
    `npm run dev, first start: ready ${firstDev.start.readySeconds} s, first page ${firstDev.start.firstPageSeconds} s`,
  );
  const dev = await startDev(site, env);
  let csvEditSeconds: number[];
  let devPeak: number;
  try {
    log(`npm run dev: ready ${dev.start.readySeconds} s, first page ${dev.start.firstPageSeconds} s; CSV edits…`);
    csvEditSeconds = await timeCsvEdits(site, dev.url, CSV_EDITS);
  } finally {
    devPeak = await dev.stop();
  }
  log(`CSV edits visible after ${csvEditSeconds.join(", ")} s`);
  const devPeakBytes = Math.max(firstPeak, devPeak);

  return {
    pages: output.pages,
    otherFiles: output.otherFiles,
    firstBuild: { seconds: round(first.wallMs / 1000), peakMemoryMiB: mib(first.peakRssBytes) },
    warmBuild: {
      seconds: round(warm.wallMs / 1000),
      cpuSeconds: round(warm.cpuMs / 1000, 1),
      peakMemoryMiB: mib(warm.peakRssBytes),
      cardsRendered: cards.rendered,
      cardsFromCache: cards.fromCache,
    },
    floor: {
      pages: floorPages,
      firstSeconds: round(floorFirst.wallMs / 1000),
      seconds: round(floor.wallMs / 1000),
      cpuSeconds: round(floor.cpuMs / 1000, 1),
    },
    warmBuildToFloor: ratio(warm.wallMs, floor.wallMs),
    devFirstStart: firstDev.start,
    dev: dev.start,
    devPeakMemoryMiB: mib(devPeakBytes),
    csvEditSeconds,
    csvEditMedianSeconds: round(median(csvEditSeconds)),
    peakMemoryMiB: mib(Math.max(first.peakRssBytes, warm.peakRssBytes, devPeakBytes)),
  };
}
