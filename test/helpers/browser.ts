import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { childEnv, freePort, repoRoot } from "./fixture-site.ts";

const CHROMIUM_PATHS = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Launches Debian's Chromium; throws, with how to install it, when there is none (tests never skip silently). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CHROMIUM_PATHS.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate));
  if (!executablePath) {
    throw new Error("No Chromium found for the browser tests. Install Debian's package: apt-get install -y chromium (or set CHROMIUM_PATH). .ci/run does this on CI.");
  }
  return chromium.launch({
    executablePath,
    args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
  });
}

/** A running `astro preview` of a built site. */
export interface PreviewServer {
  url: string;
  stop: () => Promise<void>;
}

/** Serves `dir/dist` with `astro preview` and waits until it answers. */
export async function startPreview(dir: string): Promise<PreviewServer> {
  const port = await freePort();
  const astro = path.join(repoRoot, "node_modules/astro/bin/astro.mjs");
  const child: ChildProcess = spawn(process.execPath, [astro, "preview", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: dir,
    env: childEnv,
    detached: true,
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-(child.pid ?? 0), "SIGTERM");
    await exited;
  };
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${url}/`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false)) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`astro preview did not answer on ${url}`);
}
