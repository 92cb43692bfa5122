import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { childEnv, freePort, repoRoot } from "./fixture-site.ts";

const CHROMIUM_PATHS = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Chromium flags for tests: no traffic of its own (updates, sync, safe browsing lists), no first-run UI, no GPU. */
const CHROMIUM_ARGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
];

/** Path of Debian's Chromium; throws, with how to install it, when there is none (tests never skip silently). */
function chromiumPath(): string {
  const executablePath = CHROMIUM_PATHS.find(
    (candidate): candidate is string => candidate !== undefined && existsSync(candidate),
  );
  if (!executablePath) {
    throw new Error(
      "No Chromium found for the browser tests. Install Debian's package: apt-get install -y chromium (or set CHROMIUM_PATH). .ci/run does this on CI.",
    );
  }
  return executablePath;
}

/** Launches Debian's Chromium through Playwright. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** A headless Chromium that tools such as Lighthouse drive over the DevTools protocol on `port`. */
export interface DebuggableChromium {
  port: number;
  stop: () => Promise<void>;
}

/** Launches Debian's Chromium headless with `--remote-debugging-port`, in a fresh profile, and waits until the port answers. */
export async function launchDebuggableChromium(): Promise<DebuggableChromium> {
  const port = await freePort();
  const profile = mkdtempSync(path.join(tmpdir(), "vitrine-chromium-"));
  // Playwright adds --no-sandbox by itself; a bare Chromium run as root (as on CI) refuses to start without it.
  const sandbox = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  const child = spawn(
    chromiumPath(),
    [
      "--headless",
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      ...sandbox,
      ...CHROMIUM_ARGS,
      "about:blank",
    ],
    { stdio: "ignore" },
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(profile, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if (
      await fetch(`http://127.0.0.1:${port}/json/version`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { port, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`Chromium did not open its debugging port ${port}`);
}

/** A running `astro preview` of a built site. */
export interface PreviewServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Serves `dir/dist` with `astro preview` and waits until it answers. Several test files serve the same
 * shared build at once: `--ignore-lock` lets a preview start beside another one of the same project
 * (Astro refuses a second one otherwise) and keeps it in the foreground.
 */
export async function startPreview(dir: string): Promise<PreviewServer> {
  const port = await freePort();
  const astro = path.join(repoRoot, "node_modules/astro/bin/astro.mjs");
  const child: ChildProcess = spawn(
    process.execPath,
    [astro, "preview", "--port", String(port), "--host", "127.0.0.1", "--ignore-lock"],
    {
      cwd: dir,
      env: childEnv,
      detached: true,
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-(child.pid ?? 0), "SIGTERM");
    await exited;
  };
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${url}/`, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`astro preview did not answer on ${url}`);
}

/** A built site served by `astro preview`, and a Chromium to open its pages (see `servedSite`). */
export interface ServedSite {
  /** The preview's address, `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * The browser tests' one setup: serves the build of `dir` (a folder, or a function giving it when it is only
 * known once an earlier hook has run) with `astro preview` and launches Chromium before the tests of the
 * `describe` it is called in, side by side, and stops both after them. Read `url` and `browser` in tests and
 * later hooks; before the preview is up they throw.
 */
export function servedSite(dir: string | (() => string)): ServedSite {
  let preview: PreviewServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [preview, browser] = await Promise.all([startPreview(typeof dir === "string" ? dir : dir()), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error("servedSite: the preview and Chromium start in beforeAll; read them in a test");
    return value;
  };
  return {
    get url() {
      return started(preview).url;
    },
    get browser() {
      return started(browser);
    },
  };
}
