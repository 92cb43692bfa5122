import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import {
  formatHeadersFile,
  HEADERS_FILE,
  inlineHashCollector,
  securityHeaders,
} from "../../output/security-headers.ts";

// Cloudflare Pages documents a limit of 2,000 characters per line of _headers.
const MAX_LINE = 2000;
/** Pages read at a time: enough to keep the disk busy, few enough that a big site is never all in memory. */
const READ_BATCH = 64;

/**
 * After a build, writes `_headers` (read by Netlify and Cloudflare Pages) with the security headers of
 * every page, its Content-Security-Policy allowing exactly the inline scripts and `<style>` elements the
 * built pages hold, by hash. It reads the pages once they are on disk, so the hashes are over the bytes
 * that will be served, whatever Astro chose to inline.
 */
export function securityHeadersFile(): AstroIntegration {
  return {
    name: "vitrine:security-headers",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const names = (await readdir(root, { recursive: true })).filter((name) => name.endsWith(".html"));
        const collector = inlineHashCollector();
        for (let start = 0; start < names.length; start += READ_BATCH) {
          const pages = await Promise.all(
            names.slice(start, start + READ_BATCH).map((name) => readFile(path.join(root, name), "utf8")),
          );
          for (const html of pages) collector.add(html);
        }
        const hashes = collector.hashes();
        const text = formatHeadersFile(securityHeaders(hashes));
        await writeFile(new URL(HEADERS_FILE, dir), text);
        const longest = Math.max(...text.split("\n").map((line) => line.length));
        if (longest > MAX_LINE)
          logger.warn(
            `${HEADERS_FILE}: a header line is ${longest} characters long; Cloudflare Pages allows at most ${MAX_LINE}.`,
          );
        logger.info(
          `${HEADERS_FILE}: ${hashes.scripts.length} inline scripts and ${hashes.styles.length} inline styles allowed by hash, over ${collector.pages} pages`,
        );
      },
    },
  };
}
