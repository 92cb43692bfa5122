import { describe, expect, it } from "vitest";
import {
  cspHash,
  formatHeadersFile,
  inlineHashCollector,
  inlineHashes,
  inlineScripts,
  inlineStyles,
  parseHeadersFile,
  securityHeaders,
} from "../../src/output/security-headers.ts";

// The headers file of real builds is checked in test/site/site-quality.test.ts.
describe("security headers", () => {
  it("hashes runnable inline scripts only, and reads back the file it writes", () => {
    const html =
      '<script>a()</script><script type="module">b()</script><script type="application/ld+json">{"x":1}</script><script type="module" src="/c.js"></script><style>p{}</style>';
    expect(inlineScripts(html)).toEqual(["a()", "b()"]);
    expect(inlineStyles(html)).toEqual(["p{}"]);
    // The hash of an empty script is well known.
    expect(cspHash("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    // Pages are added one at a time (a big site is never held in memory at once): same hashes, each page counted.
    const collector = inlineHashCollector();
    for (const page of [html, "<p>No inline code</p>", html]) collector.add(page);
    expect(collector.pages).toBe(3);
    expect(collector.hashes()).toEqual(inlineHashes([html]));
    const headers = securityHeaders(inlineHashes([html, html]));
    expect(headers["Content-Security-Policy"]).toContain(
      `script-src 'self' 'wasm-unsafe-eval' ${[cspHash("a()"), cspHash("b()")].sort().join(" ")};`,
    );
    expect(parseHeadersFile(formatHeadersFile(headers))).toEqual(
      Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    );
  });
});
