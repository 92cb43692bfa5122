import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { Plugin } from "vite";
import { formatPageCodeProblem, securePage, type PageCodeProblem } from "../../output/page-policy.ts";
import {
  formatHeadersFile,
  HEADERS_FILE,
  securityHeaders,
  SITE_INLINE_SCRIPTS,
} from "../../output/security-headers.ts";

// Cloudflare Pages documents a limit of 2,000 characters per line of _headers.
const MAX_LINE = 2000;
/** Pages read at a time: enough to keep the disk busy, few enough that a big site is never all in memory. */
const READ_BATCH = 64;
/** Problems listed in the error itself; all of them are logged above it. */
const LISTED = 20;

/**
 * A Vite plugin that records the code of every script chunk of the browser build, as Astro would inline
 * it (trimmed): the scripts bundled from the components' `<script>` elements, of which Astro inlines the
 * small ones. It runs before Astro's own hook, which takes the inlined chunks out of the bundle.
 */
function bundledScripts(found: Set<string>): Plugin {
  return {
    name: "vitrine:bundled-scripts",
    applyToEnvironment: (environment) => environment.name === "client",
    generateBundle: {
      order: "pre",
      handler(_options, bundle) {
        for (const output of Object.values(bundle)) if (output.type === "chunk") found.add(output.code.trim());
      },
    },
  };
}

/**
 * The security policy of every built page, on every host. After a build it reads each page with an
 * HTML parser and (1) fails the build on inline code that is not the site's own (an inline script that
 * is neither one the site writes itself, `SITE_INLINE_SCRIPTS`, nor one Astro bundled from a component
 * and inlined; an event-handler attribute; a `javascript:` URL), naming each by page, line and column;
 * (2) puts the Content-Security-Policy and `no-referrer` in the page's `<head>` as meta elements, for
 * hosts that send no headers (GitHub Pages, the default deploy); (3) writes `_headers` (read by Netlify
 * and Cloudflare Pages) with the same policy and the other security headers, allowing the inline
 * scripts and `<style>` elements of every page by hash. It reads the pages once they are on disk, so
 * the hashes are over the bytes that will be served, whatever Astro chose to inline. With the site's `onion`
 * address, `_headers` also sends `Onion-Location`.
 */
export function securityHeadersFile(options: { onion?: string | undefined } = {}): AstroIntegration {
  const bundled = new Set<string>();
  return {
    name: "vitrine:security-headers",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [bundledScripts(bundled)] } });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const names = (await readdir(root, { recursive: true })).filter((name) => name.endsWith(".html")).sort();
        const allowed = new Set([...SITE_INLINE_SCRIPTS, ...bundled]);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const problems: PageCodeProblem[] = [];
        for (let start = 0; start < names.length; start += READ_BATCH) {
          await Promise.all(
            names.slice(start, start + READ_BATCH).map(async (name) => {
              const file = path.join(root, name);
              const page = securePage(await readFile(file, "utf8"), name.split(path.sep).join("/"), allowed);
              for (const hash of page.scripts) scripts.add(hash);
              for (const hash of page.styles) styles.add(hash);
              problems.push(...page.problems);
              await writeFile(file, page.html);
            }),
          );
        }
        if (problems.length > 0) {
          const lines = problems
            .sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : a.line - b.line || a.column - b.column))
            .map(formatPageCodeProblem);
          for (const line of lines) logger.error(line);
          const more = lines.length > LISTED ? `\n… and ${lines.length - LISTED} more (all listed above)` : "";
          throw new Error(
            `${lines.length} piece(s) of inline code in the built pages that the site's Content-Security-Policy does not allow. Scripts belong in components (a <script> there, which Astro bundles); posts and data may hold none:\n${lines.slice(0, LISTED).join("\n")}${more}`,
          );
        }
        const text = formatHeadersFile(
          securityHeaders({ scripts: [...scripts].sort(), styles: [...styles].sort() }, options.onion),
        );
        await writeFile(new URL(HEADERS_FILE, dir), text);
        const longest = Math.max(...text.split("\n").map((line) => line.length));
        if (longest > MAX_LINE)
          logger.warn(
            `${HEADERS_FILE}: a header line is ${longest} characters long; Cloudflare Pages allows at most ${MAX_LINE}.`,
          );
        logger.info(
          `${HEADERS_FILE} and a policy in every page: ${scripts.size} inline script(s) and ${styles.size} inline style(s) allowed by hash, over ${names.length} pages, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
