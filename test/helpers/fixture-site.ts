import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { cardCacheFolder } from "../../src/output/social-cards/card-cache.ts";

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, "../..");
/** The test folder, where `fixtures/` is. */
export const testRoot = path.join(repoRoot, "test");
const astroBin = path.join(repoRoot, "node_modules/astro/bin/astro.mjs");
/** Astro's cache directory (`cacheDir`) in a fixture site, where the build keeps its social cards. */
const ASTRO_CACHE_DIR = "node_modules/.astro";

/**
 * Makes a throw-away copy of the site under test/.tmp/<name> (inside the repo, so node_modules
 * resolves) with the data/ and content/ folders of `contentFrom` (the repo's own sample by default).
 * The sample's dataset releases and its corrections stay only with `keepReleases`: a test that edits
 * the data for another reason would otherwise be a silent change to released records. `translations`
 * replaces the config's list of translations (`FIXTURE_TRANSLATIONS` for a build whose test is not about
 * languages: a third of the sample's pages).
 */
export function makeFixtureSite(
  name: string,
  contentFrom = repoRoot,
  { keepReleases = false, translations }: { keepReleases?: boolean; translations?: readonly string[] } = {},
): string {
  const dir = path.join(repoRoot, "test/.tmp", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ["astro.config.mjs", "package.json", "tsconfig.json", "entry", "src", "public"]) {
    if (existsSync(path.join(repoRoot, entry)))
      cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  for (const folder of ["data", "content"]) {
    if (existsSync(path.join(contentFrom, folder)))
      cpSync(path.join(contentFrom, folder), path.join(dir, folder), { recursive: true });
  }
  if (!keepReleases) withoutReleases(dir);
  if (translations) withTranslations(dir, translations);
  return dir;
}

/**
 * The translations a fixture build has when its test is not about languages: the main language and Russian, whose
 * files the sample has (so the content stays valid), without the three languages that only add pages.
 */
export const FIXTURE_TRANSLATIONS: readonly string[] = ["ru"];

/** Sets the translations of the site config in `root` (`src/site.config.ts`) to `translations`. */
export function withTranslations(root: string, translations: readonly string[]): void {
  const config = path.join(root, "src/site.config.ts");
  const text = readFileSync(config, "utf8");
  const list = /translations: \[[^\]]*\]/;
  if (!list.test(text)) throw new Error(`no translations list in ${config}`);
  writeFileSync(config, text.replace(list, `translations: ${JSON.stringify(translations)}`));
}

/** Removes a project's dataset releases and keeps only the header of its corrections, which name released data. */
export function withoutReleases(root: string): void {
  rmSync(path.join(root, "data/releases"), { recursive: true, force: true });
  const corrections = path.join(root, "data/corrections.csv");
  if (existsSync(corrections)) writeFileSync(corrections, `${readFileSync(corrections, "utf8").split("\n")[0]}\n`);
}

/** A folder test/.tmp/<name> holding exactly `files` (paths relative to it), each empty: a site's layout without content. */
export function emptyFileTree(name: string, files: readonly string[]): string {
  const root = path.join(repoRoot, "test/.tmp", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), "");
  }
  return root;
}

// Children get a plain environment: vitest's own variables (VITEST, NODE_ENV=test, and DEV=1,
// MODE, PROD, SSR, BASE_URL, which Vite's import.meta.env would read) change how Astro builds.
const VITEST_ONLY = new Set(["NODE_ENV", "TEST", "DEV", "PROD", "MODE", "SSR", "BASE_URL"]);
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST") && !VITEST_ONLY.has(key)),
);
/** The moment fixture builds are made for (SOURCE_DATE_EPOCH), so dates such as the canary's expiry never age the tests. */
export const FIXED_NOW = new Date("2026-11-28T12:00:00Z");
/** The environment Astro runs in from the tests. */
export const childEnv = {
  ...inherited,
  ASTRO_TELEMETRY_DISABLED: "1",
  ASTRO_DEV_BACKGROUND: "0",
  NO_COLOR: "1",
  FORCE_COLOR: "0",
  SOURCE_DATE_EPOCH: String(FIXED_NOW.getTime() / 1000),
};

/**
 * Copies the drawn social cards of the fixture site in `from` into the card cache of the one in `to`,
 * so a build there draws only the cards whose content differs. The cache lives in each copy's own
 * Astro cache directory (`node_modules/.astro/`, see src/lib/cards/card-cache.ts), keyed by content.
 */
export function copyCardCache(from: string, to: string): void {
  const source = cardCacheFolder(path.join(from, ASTRO_CACHE_DIR));
  const target = cardCacheFolder(path.join(to, ASTRO_CACHE_DIR));
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source).filter((file) => file.endsWith(".png")))
    copyFileSync(path.join(source, name), path.join(target, name));
}

/** Runs the Astro CLI in `dir` on this Node; returns its exit code and output. */
export function runAstro(dir: string, args: string[]): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [astroBin, ...args], {
    cwd: dir,
    env: childEnv,
    encoding: "utf8",
    timeout: 300_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Like `runAstro`, without blocking, so builds can run side by side; `env` adds to the environment. */
export function runAstroAsync(
  dir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, ...args], {
      cwd: dir,
      env: { ...childEnv, ...env },
      timeout: 300_000,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

/** Runs `vitrine validate` on the project in `dir`, through the package's command (its `bin`), as a site runs it. */
export function runValidate(dir: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "entry/cli.js"), "validate", dir], {
    cwd: repoRoot,
    env: childEnv,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** A running `astro dev` server and everything it has printed so far. */
export interface DevServer {
  url: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts `astro dev` in `dir` in the foreground and waits until it answers. */
export async function startDevServer(dir: string): Promise<DevServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [astroBin, "dev", "--port", String(port), "--host", "127.0.0.1", "--force"],
    { cwd: dir, env: childEnv, detached: true },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-(child.pid ?? 0), "SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro dev exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/`, { signal: AbortSignal.timeout(15_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, log: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`astro dev did not answer within 60 s:\n${output}`);
}
