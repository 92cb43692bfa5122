/**
 * `npm run screenshots`: one page of every type of the built site (dist/, built first when missing), at 1280 and
 * 390 px wide, in the light and the dark theme, as full-page PNGs in screenshots/ (git-ignored), with the
 * project's Chromium (/usr/bin/chromium, or CHROMIUM_PATH). `-- --build` builds the site again first.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");
const out = path.join(root, "screenshots");

/**
 * Page types, each with the patterns of its site paths, preferred first: the first sitemap page that matches
 * the first pattern with a match is the example (the Russia block, the Russia post, a post rather than the archive).
 */
const PAGE_TYPES: [string, RegExp[]][] = [
  ["home", [/^\/$/]],
  ["report", [/^\/transparency\/$/]],
  ["period", [/^\/transparency\/2025-h1\/$/, /^\/transparency\/\d{4}(-[^/]+)?\/$/]],
  ["request", [/^\/transparency\/requests\/[^/]+\/$/]],
  ["blocking", [/^\/blocking\/$/]],
  ["block", [/^\/blocking\/blk-ru-2020-smtp\/$/, /^\/blocking\/[^/]+\/$/]],
  ["incidents", [/^\/incidents\/$/]],
  ["incident", [/^\/incidents\/[^/]+\/$/]],
  ["countries", [/^\/countries\/$/]],
  ["country", [/^\/countries\/ru\/$/, /^\/countries\/[a-z]{2}\/$/]],
  ["blog", [/^\/blog\/$/]],
  ["post", [/^\/blog\/why-[^/]+\/$/, /^\/blog\/(?!archive\/|tags\/|\d+\/)[^/]+\/$/]],
  ["archive", [/^\/blog\/archive\/$/]],
  ["tag", [/^\/blog\/tags\/[^/]+\/$/]],
  ["author", [/^\/authors\/[^/]+\/$/]],
  ["canary", [/^\/canary\/$/]],
  ["data", [/^\/data\/$/]],
  ["page", [/^\/about\/$/]],
];
const WIDTHS = [1280, 390];
const THEMES = ["light", "dark"] as const;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

/** Every site path the sitemap lists, plus the search page (left out of the sitemap). */
function sitePaths(): string[] {
  const listed = readdirSync(dist)
    .filter((name) => /^sitemap-\d+\.xml$/.test(name))
    .flatMap((name) =>
      [...readFileSync(path.join(dist, name), "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map(
        ([, loc = ""]) => new URL(loc).pathname,
      ),
    );
  return [...listed, "/search/"];
}

/** A static server of dist/ on a free local port (the site is built at base "/"). */
async function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = path.join(dist, pathname);
    if (!file.startsWith(dist)) file = dist;
    if (pathname.endsWith("/")) file = path.join(file, "index.html");
    if (!existsSync(file)) {
      // As GitHub Pages and most hosts do: the site's own 404 page, with status 404.
      response.writeHead(404, { "content-type": TYPES[".html"] }).end(readFileSync(path.join(dist, "404.html")));
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

if (process.argv.includes("--build") || !existsSync(path.join(dist, "index.html"))) {
  console.log("Building the site (npm run build)…");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const paths = sitePaths();
const examples = PAGE_TYPES.flatMap(([type, patterns]) => {
  const found = patterns.map((pattern) => paths.find((sitePath) => pattern.test(sitePath))).find(Boolean);
  return found ? [{ type, sitePath: found }] : [];
});
examples.push(
  { type: "search", sitePath: "/search/?q=Roskomnadzor" },
  { type: "not-found", sitePath: "/no-such-page/" },
);
// `--lang ru` (repeatable): the same pages in that language of the site too, as `ru-<type>-<width>-<theme>.png`.
const extraLanguages = process.argv.flatMap((arg, index) => (arg === "--lang" ? [process.argv[index + 1] ?? ""] : []));
examples.push(
  ...extraLanguages.flatMap((language) =>
    examples
      .filter(({ type }) => type !== "not-found")
      .map(({ type, sitePath }) => ({ type: `${language}-${type}`, sitePath: `/${language}${sitePath}` })),
  ),
);
mkdirSync(out, { recursive: true });
const server = await serve();
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const executablePath =
  [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
    (candidate) => candidate !== undefined && existsSync(candidate),
  ) ?? "/usr/bin/chromium";
const browser = await chromium.launch({ executablePath });
try {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
      const page = await context.newPage();
      for (const { type, sitePath } of examples) {
        await page.goto(`${base}${sitePath}`, { waitUntil: "networkidle" });
        const file = path.join(out, `${type}-${width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`${path.relative(root, file)}  ${sitePath}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${examples.length * WIDTHS.length * THEMES.length} screenshots in ${path.relative(root, out)}/`);
