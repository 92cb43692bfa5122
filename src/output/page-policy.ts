import { readPageCode, type SourcePlace } from "./page-code.ts";
import {
  ALLOWED_INLINE_SCRIPTS,
  ALLOWED_SCRIPT_HASHES,
  cspHash,
  metaContentSecurityPolicy,
} from "./security-headers.ts";

/** Inline code a built page may not hold, where it starts in the page's HTML. */
export interface PageCodeProblem extends SourcePlace {
  /** The page's path in the build output, e.g. `blog/hello/index.html`. */
  page: string;
  message: string;
}

/** A built page with its policy in `<head>`, the style hashes that policy allows, and what it may not hold. */
export interface SecuredPage {
  html: string;
  /** Hashes of the page's `<style>` elements, sorted and distinct. */
  styles: string[];
  problems: PageCodeProblem[];
}

const SHOWN = 60;

/** The start of some code for a message: at most 60 characters, in quotes, line breaks and controls escaped. */
export function codeStart(code: string): string {
  return JSON.stringify(code.length > SHOWN ? `${code.slice(0, SHOWN)}…` : code);
}

const escapeAttribute = (value: string): string => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/**
 * The elements every page carries first in `<head>` (before any script or style), for hosts that send
 * no headers such as GitHub Pages: the Content-Security-Policy as a meta element, and no referrer.
 */
export function policyMeta(styles: readonly string[]): string {
  const policy = metaContentSecurityPolicy({ scripts: ALLOWED_SCRIPT_HASHES, styles });
  return `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}"><meta name="referrer" content="no-referrer">`;
}

/**
 * Checks a built page's inline code and gives it its policy. A problem is every inline script that is
 * not one of the site's own (`ALLOWED_INLINE_SCRIPTS`), every event-handler attribute and every
 * `javascript:` URL, and a page without a `<head>` start tag to put the policy in. The policy meta
 * elements go right after `<meta charset>`; they allow the site's own scripts and the page's own
 * `<style>` elements, by hash.
 */
export function securePage(html: string, page: string): SecuredPage {
  const code = readPageCode(html);
  const problems: PageCodeProblem[] = [];
  for (const script of code.scripts)
    if (!ALLOWED_INLINE_SCRIPTS.includes(script.text))
      problems.push({
        page,
        line: script.line,
        column: script.column,
        message: `an inline <script> that is not one of the site's own: ${codeStart(script.text)}`,
      });
  for (const found of code.attributeCode)
    problems.push({
      page,
      line: found.line,
      column: found.column,
      message: `${found.kind === "event handler" ? "an" : "a"} ${found.kind} (${found.where}): ${codeStart(found.value)}`,
    });
  const styles = [...new Set(code.styles.map(cspHash))].sort();
  if (code.headInsertAt === undefined) {
    problems.push({ page, line: 1, column: 1, message: "no <head> start tag to put the security policy in" });
    return { html, styles, problems };
  }
  const at = code.headInsertAt;
  return { html: html.slice(0, at) + policyMeta(styles) + html.slice(at), styles, problems };
}

/** A problem as one line for the build log: `page:line:column: message`. */
export function formatPageCodeProblem({ page, line, column, message }: PageCodeProblem): string {
  return `${page}:${line}:${column}: ${message}`;
}
