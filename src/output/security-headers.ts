import { createHash } from "node:crypto";
import { THEME_INIT_SCRIPT } from "./theme-script.ts";

/** Name of the headers file in the build output, in the format Netlify and Cloudflare Pages read. */
export const HEADERS_FILE = "_headers";

/** A CSP source expression for an inline script or style: `'sha256-<base64>'` of its exact text (UTF-8). */
export function cspHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * The inline scripts the site writes itself, from the sources that write them: the theme's head script.
 * Besides these, a page may only hold inline the scripts Astro bundled from the components' `<script>`
 * elements (it inlines the small ones), which the security-headers integration takes from the bundler.
 */
export const SITE_INLINE_SCRIPTS: readonly string[] = [THEME_INIT_SCRIPT];

/** The inline code of a whole build that a Content-Security-Policy has to allow, as sorted, distinct hash sources. */
export interface InlineHashes {
  scripts: readonly string[];
  styles: readonly string[];
}

/**
 * The site's Content-Security-Policy. Everything comes from the site itself; scripts only as files
 * or as one of the hashed inline scripts, never any other inline code. Pagefind (on /search/) runs
 * WebAssembly in a same-origin worker, hence `'wasm-unsafe-eval'` and `worker-src 'self'`.
 * Styles: `<style>` elements are hashed too (`style-src-elem`), but style *attributes* stay allowed
 * (`style-src` with `'unsafe-inline'`, which `style-src-attr` falls back to): Markdown writes them
 * for aligned table columns and Shiki for highlighted code, and an attribute can neither run code nor
 * load anything from another origin under `default-src 'self'`.
 */
export function contentSecurityPolicy(hashes: InlineHashes): string {
  return formatPolicy(policyDirectives(hashes));
}

// Directives a <meta> element cannot set: browsers ignore them there (CSP Level 3, section 3.3).
const HEADER_ONLY_DIRECTIVES = new Set(["frame-ancestors", "report-uri", "report-to", "sandbox"]);

/**
 * The same policy for a `<meta http-equiv="Content-Security-Policy">` element, for hosts that send no
 * headers (GitHub Pages): every directive but those a meta element cannot set (`frame-ancestors`).
 */
export function metaContentSecurityPolicy(hashes: InlineHashes): string {
  return formatPolicy(policyDirectives(hashes).filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name)));
}

function policyDirectives({ scripts, styles }: InlineHashes): [string, ...string[]][] {
  return [
    ["default-src", "'self'"],
    ["script-src", "'self'", "'wasm-unsafe-eval'", ...scripts],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["style-src-elem", "'self'", ...styles],
    ["img-src", "'self'", "data:"],
    ["worker-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
}

const formatPolicy = (directives: readonly (readonly string[])[]): string =>
  directives.map((directive) => directive.join(" ")).join("; ");

/**
 * Browser features the site never uses, all denied: so a page (or anything injected into it) cannot ask
 * for them, and the reader is not put into interest-based advertising cohorts.
 */
export const DENIED_FEATURES: readonly string[] = [
  "accelerometer",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "interest-cohort",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "usb",
];

/**
 * Every response header the site asks for, by name. With the site's `onion` address, `Onion-Location` too, so Tor
 * Browser offers the onion site: at its root, as the headers file has one rule for every path.
 */
export function securityHeaders(hashes: InlineHashes, onion?: string): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(hashes),
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": DENIED_FEATURES.map((feature) => `${feature}=()`).join(", "),
    "X-Content-Type-Options": "nosniff",
    ...(onion === undefined ? {} : { "Onion-Location": onionLocation(onion, "/") }),
  };
}

/** The address of the page at `pathname` (which starts with "/") on the site's onion address (`onion`, no path). */
export function onionLocation(onion: string, pathname: string): string {
  return `${onion.replace(/\/+$/, "")}${pathname}`;
}

/** The headers file: one rule for every path (`/*`) with these headers, one per indented line. */
export function formatHeadersFile(headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return `# Written by the build (src/astro/integrations/security-headers.ts) from the pages it built; do not edit.\n/*\n${lines.join("\n")}\n`;
}

/** Reads back the headers a headers file sets for every path (`/*`), by lower-case name. */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let everyPath = false;
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      everyPath = line.trim() === "/*";
      continue;
    }
    const colon = line.indexOf(":");
    if (everyPath && colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}
