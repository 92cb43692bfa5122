import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  cspHash,
  formatHeadersFile,
  metaContentSecurityPolicy,
  parseHeadersFile,
  securityHeaders,
  onionLocation,
  SITE_INLINE_SCRIPTS,
} from "../../src/output/security-headers.ts";
import { THEME_INIT_SCRIPT } from "../../src/output/theme-script.ts";

// The headers file and the meta policy of real builds are checked in test/site/site-quality.test.ts and in Chromium.
describe("security headers", () => {
  it("hash inline code as CSP sources; the site writes one inline script itself, the theme's", () => {
    // The hash of an empty script is well known.
    expect(cspHash("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(SITE_INLINE_SCRIPTS).toEqual([THEME_INIT_SCRIPT]);
  });

  it("write the policy, and the same policy for a meta element without what a meta element cannot set", () => {
    const hashes = { scripts: [cspHash(THEME_INIT_SCRIPT)], styles: [cspHash("p{}")] };
    const header = contentSecurityPolicy(hashes);
    expect(header).toContain(`script-src 'self' 'wasm-unsafe-eval' ${cspHash(THEME_INIT_SCRIPT)};`);
    expect(header).toContain(`style-src-elem 'self' ${cspHash("p{}")};`);
    expect(header).toMatch(/; frame-ancestors 'none'$/);
    expect(metaContentSecurityPolicy(hashes)).toBe(header.replace("; frame-ancestors 'none'", ""));
    const headers = securityHeaders(hashes);
    expect(headers["Content-Security-Policy"]).toBe(header);
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(parseHeadersFile(formatHeadersFile(headers))).toEqual(
      Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    );
  });

  it("announce the onion site to Tor Browser only when the site has an onion address", () => {
    const hashes = { scripts: [], styles: [] };
    const onion = `http://${"a".repeat(56)}.onion`;
    expect(securityHeaders(hashes)).not.toHaveProperty("Onion-Location");
    expect(securityHeaders(hashes, onion)["Onion-Location"]).toBe(`${onion}/`);
    expect(onionLocation(`${onion}/`, "/blocking/ru/")).toBe(`${onion}/blocking/ru/`);
  });
});
