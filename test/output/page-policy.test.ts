import { describe, expect, it } from "vitest";
import { readPageCode } from "../../src/output/page-code.ts";
import { formatPageCodeProblem, policyMeta, securePage } from "../../src/output/page-policy.ts";
import { cspHash, metaContentSecurityPolicy, SITE_INLINE_SCRIPTS } from "../../src/output/security-headers.ts";
import { THEME_INIT_SCRIPT } from "../../src/output/theme-script.ts";

const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width"><script>${THEME_INIT_SCRIPT}</script><style>p{}</style>`;
const allowed = new Set(SITE_INLINE_SCRIPTS);
const page = (body: string): string =>
  `<!doctype html>\n<html lang="en"><head>${head}</head><body>\n${body}</body></html>`;

describe("securePage", () => {
  it("puts the policy first in <head>, after <meta charset>, allowing the theme script and the page's styles", () => {
    const secured = securePage(page("<p>Hello</p>"), "index.html", allowed);
    expect(secured.problems).toEqual([]);
    expect(secured.styles).toEqual([cspHash("p{}")]);
    expect(secured.scripts).toEqual([cspHash(THEME_INIT_SCRIPT)]);
    expect(secured.html).toBe(
      page("<p>Hello</p>").replace(
        '<meta charset="utf-8">',
        `<meta charset="utf-8">${policyMeta({ scripts: [cspHash(THEME_INIT_SCRIPT)], styles: [cspHash("p{}")] })}`,
      ),
    );
    expect(secured.html).toContain(
      `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy({ scripts: [cspHash(THEME_INIT_SCRIPT)], styles: [cspHash("p{}")] })}"><meta name="referrer" content="no-referrer"><meta name="viewport"`,
    );
    // The policy comes before every script and style, so it governs them all.
    const code = readPageCode(secured.html);
    expect(code.scripts.map((s) => s.text)).toEqual([THEME_INIT_SCRIPT]);
    expect(secured.html.indexOf("Content-Security-Policy")).toBeLessThan(secured.html.indexOf("<script>"));
  });

  it("refuses every other inline script, event handler and javascript: URL, each with page, line and column", () => {
    const body = [
      '<meta name="x" content="</script><script>alert(0)</script>">',
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(2)>",
      '<a href="javascript:alert(3)">x</a>',
    ].join("\n");
    const { problems } = securePage(page(body), "blog/post/index.html", allowed);
    expect(problems.map(formatPageCodeProblem)).toEqual([
      `blog/post/index.html:4:1: an inline <script> that is not one of the site's own: "alert(1)"`,
      `blog/post/index.html:5:12: an event handler (img onerror): "alert(2)"`,
      `blog/post/index.html:6:4: a javascript: URL (a href): "javascript:alert(3)"`,
    ]);
  });

  it("allows an inline script only when its exact text is one of the allowed (a bundled component script)", () => {
    const html = page('<script type="module">toggle()</script>');
    expect(securePage(html, "a.html", allowed).problems).toHaveLength(1);
    const secured = securePage(html, "a.html", new Set([...allowed, "toggle()"]));
    expect(secured.problems).toEqual([]);
    expect(secured.scripts).toEqual([cspHash(THEME_INIT_SCRIPT), cspHash("toggle()")].sort());
  });

  it("shows at most the start of a long script, escaped", () => {
    const { problems } = securePage(page(`<script>${"x\n".repeat(100)}</script>`), "a.html", allowed);
    expect(problems[0]?.message).toBe(
      `an inline <script> that is not one of the site's own: ${JSON.stringify(`${"x\n".repeat(30)}…`)}`,
    );
  });

  it("refuses a page without a <head> start tag", () => {
    expect(securePage("<p>x</p>", "a.html", allowed).problems.map(formatPageCodeProblem)).toEqual([
      "a.html:1:1: no <head> start tag to put the security policy in",
    ]);
  });
});
