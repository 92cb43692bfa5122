import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";
import { afterEach, describe, expect, it } from "vitest";
import { securityHeadersFile } from "../../../src/astro/integrations/security-headers.ts";
import { cspHash, HEADERS_FILE, parseHeadersFile } from "../../../src/output/security-headers.ts";
import { THEME_INIT_SCRIPT } from "../../../src/output/theme-script.ts";

type BuildDone = NonNullable<AstroIntegration["hooks"]["astro:build:done"]>;

const page = (body: string, head = ""): string =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><script>${THEME_INIT_SCRIPT}</script>${head}</head>\n<body>\n${body}\n</body></html>`;

/** Runs the integration's build:done hook over these pages on disk, as after `astro build`; errors it logs go to `errors`. */
async function buildDone(dir: string, pages: Record<string, string>, errors: string[] = []): Promise<void> {
  for (const [name, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), html);
  }
  const logger = { info: () => undefined, warn: () => undefined, error: (line: string) => errors.push(line) };
  const hook = securityHeadersFile().hooks["astro:build:done"] as BuildDone;
  await hook({ dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<BuildDone>[0]);
}

describe("the security-headers integration after a build", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("puts the policy in every page and in _headers, and a fake script in an attribute adds no hash", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "vitrine-csp-"));
    const hostileMeta = `<meta name="description" content="</script><script>alert(1)</script>">`;
    await buildDone(dir, {
      "index.html": page("<p>Home</p>", "<style>p{}</style>"),
      "blog/post/index.html": page("<p>Post</p>", hostileMeta),
    });
    const csp = parseHeadersFile(readFileSync(path.join(dir, HEADERS_FILE), "utf8"))["content-security-policy"];
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' ${cspHash(THEME_INIT_SCRIPT)};`);
    expect(csp).not.toContain(cspHash("alert(1)"));
    const post = readFileSync(path.join(dir, "blog/post/index.html"), "utf8");
    expect(post).toMatch(
      /^<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="[^"]+"><meta name="referrer" content="no-referrer"><script>/,
    );
    expect(readFileSync(path.join(dir, "index.html"), "utf8")).toContain(`style-src-elem 'self' ${cspHash("p{}")};`);
  });

  it("fails the build on every inline script, event handler and javascript: URL that is not the site's own, by page, line and column", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "vitrine-csp-"));
    const errors: string[] = [];
    const result = buildDone(
      dir,
      {
        "index.html": page("<p>Home</p>"),
        "blog/post/index.html": page(
          '<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n<a href="javascript:alert(3)">x</a>',
        ),
      },
      errors,
    );
    await expect(result).rejects.toThrow(
      /3 piece\(s\) of inline code in the built pages[\s\S]*blog\/post\/index\.html:4:1: an inline <script> that is not one of the site's own: "alert\(1\)"/,
    );
    expect(errors).toEqual([
      `blog/post/index.html:4:1: an inline <script> that is not one of the site's own: "alert(1)"`,
      `blog/post/index.html:5:12: an event handler (img onerror): "alert(2)"`,
      `blog/post/index.html:6:4: a javascript: URL (a href): "javascript:alert(3)"`,
    ]);
  });
});
