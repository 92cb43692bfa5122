import { createHash } from "node:crypto";

/** Name of the headers file in the build output, in the format Netlify and Cloudflare Pages read. */
export const HEADERS_FILE = "_headers";

/** A CSP source expression for an inline script or style: `'sha256-<base64>'` of its exact text (UTF-8). */
export function cspHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

// Script types that are data, never run, so a Content-Security-Policy does not apply to them.
const DATA_SCRIPT_TYPES = new Set(["application/ld+json", "application/json"]);

/**
 * The text of every inline script in a built page that the browser runs (so a Content-Security-Policy
 * must allow it): a `<script>` without `src`, of any type but JSON data such as `application/ld+json`.
 * Built pages never hold `</script>` inside a script, so a pattern is enough.
 */
export function inlineScripts(html: string): string[] {
  const found: string[] = [];
  for (const [, attributes = "", text = ""] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc=/i.test(attributes)) continue;
    const type = /\stype=["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase() ?? "";
    if (!DATA_SCRIPT_TYPES.has(type)) found.push(text);
  }
  return found;
}

/** The text of every inline `<style>` element in a built page (Astro inlines small stylesheets; the request filter writes one). */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1] ?? "");
}

/** The inline code of a whole build that a Content-Security-Policy has to allow, as sorted, distinct hash sources. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

/** Gathers the inline-code hashes of pages one at a time, so a build never holds all its pages at once. */
export interface InlineHashCollector {
  /** Adds the inline scripts and styles of one page. */
  add(html: string): void;
  /** Pages added so far. */
  readonly pages: number;
  /** The hashes of every page added, sorted so the same pages always give the same policy. */
  hashes(): InlineHashes;
}

/** A new, empty `InlineHashCollector`. */
export function inlineHashCollector(): InlineHashCollector {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  let pages = 0;
  return {
    add(html) {
      pages++;
      for (const text of inlineScripts(html)) scripts.add(cspHash(text));
      for (const text of inlineStyles(html)) styles.add(cspHash(text));
    },
    get pages() {
      return pages;
    },
    hashes: () => ({ scripts: [...scripts].sort(), styles: [...styles].sort() }),
  };
}

/** Hashes of the inline scripts and styles of every page, sorted so the same pages always give the same policy. */
export function inlineHashes(pages: Iterable<string>): InlineHashes {
  const collector = inlineHashCollector();
  for (const html of pages) collector.add(html);
  return collector.hashes();
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
export function contentSecurityPolicy({ scripts, styles }: InlineHashes): string {
  const directives: [string, ...string[]][] = [
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
  return directives.map((directive) => directive.join(" ")).join("; ");
}

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

/** Every response header the site asks for, by name. */
export function securityHeaders(hashes: InlineHashes): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(hashes),
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": DENIED_FEATURES.map((feature) => `${feature}=()`).join(", "),
    "X-Content-Type-Options": "nosniff",
  };
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
