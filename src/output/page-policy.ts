import { readPageCode, type SourcePlace } from "./page-code.ts";
import { cspHash, metaContentSecurityPolicy, type InlineHashes } from "./security-headers.ts";

/** Inline code a built page may not hold, where it starts in the page's HTML. */
export interface PageCodeProblem extends SourcePlace {
  /** The page's path in the build output, e.g. `blog/hello/index.html`. */
  page: string;
  message: string;
}

/** A built page with its policy in `<head>`, the hashes that policy allows, and what the page may not hold. */
export interface SecuredPage extends InlineHashes {
  html: string;
  /** Hashes of the page's allowed inline scripts, sorted and distinct. */
  scripts: string[];
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
export function policyMeta(hashes: InlineHashes): string {
  const policy = metaContentSecurityPolicy(hashes);
  return `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}"><meta name="referrer" content="no-referrer">`;
}

/**
 * Checks a built page's inline code and gives it its policy. A problem is every inline script whose
 * text is not one of `allowed` (the site's own), every event-handler attribute and every `javascript:`
 * URL, and a page without a `<head>` start tag to put the policy in. The policy meta elements go right
 * after `<meta charset>`; they allow the page's own inline scripts and `<style>` elements, by hash.
 */
export function securePage(html: string, page: string, allowed: ReadonlySet<string>): SecuredPage {
  const code = readPageCode(html);
  const problems: PageCodeProblem[] = [];
  for (const script of code.scripts)
    if (!allowed.has(script.text))
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
  const hashes = (texts: readonly string[]): string[] => [...new Set(texts.map(cspHash))].sort();
  const scripts = hashes(code.scripts.map((script) => script.text).filter((text) => allowed.has(text)));
  const styles = hashes(code.styles);
  if (code.headInsertAt === undefined) {
    problems.push({ page, line: 1, column: 1, message: "no <head> start tag to put the security policy in" });
    return { html, scripts, styles, problems };
  }
  const at = code.headInsertAt;
  return { html: html.slice(0, at) + policyMeta({ scripts, styles }) + html.slice(at), scripts, styles, problems };
}

/** A problem as one line for the build log: `page:line:column: message`. */
export function formatPageCodeProblem({ page, line, column, message }: PageCodeProblem): string {
  return `${page}:${line}:${column}: ${message}`;
}
