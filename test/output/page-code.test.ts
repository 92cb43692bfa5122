import { describe, expect, it } from "vitest";
import { isJavascriptUrl, readPageCode } from "../../src/output/page-code.ts";

const page = (head: string, body: string): string =>
  `<!doctype html>\n<html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe("readPageCode", () => {
  it("finds no script in markup that only looks like one (the pattern it replaces found one)", () => {
    const html = page(
      `<meta name="description" content="</script><script>alert(1)</script>"><title>x</title>`,
      `<!-- <script>alert(2)</script> --><textarea><script>alert(3)</script></textarea><p title="<style>p{}</style>">x</p>`,
    );
    expect(readPageCode(html)).toMatchObject({ scripts: [], styles: [], attributeCode: [] });
  });

  it("finds every script the browser runs, with its place, and leaves out JSON data and files", () => {
    const html = page(
      `<script>a()</script><script type="application/ld+json">{"x":1}</script><script type="module" src="/c.js"></script>`,
      `\n<svg><script>b()</script></svg>\n<template><SCRIPT>c()</SCRIPT></template><script type="module">d()\r\ne()</script>`,
    );
    const { scripts } = readPageCode(html);
    expect(scripts.map((s) => s.text)).toEqual(["a()", "b()", "c()", "d()\ne()"]);
    expect(scripts.map((s) => [s.line, s.column])).toEqual([
      [2, 35],
      [3, 6],
      [4, 11],
      [4, 42],
    ]);
  });

  it("finds event handlers and javascript: URLs, as a browser reads them", () => {
    const html = page(
      "",
      `<img src=x onerror=alert(1)>\n<a href=" java\tscript:alert(2)">x</a><svg><a xlink:href="JavaScript:3"><text>t</text></a></svg><a href="https://example.org/javascript:">ok</a>`,
    );
    const found = readPageCode(html).attributeCode;
    expect(found.map(({ kind, where, value }) => [kind, where, value])).toEqual([
      ["event handler", "img onerror", "alert(1)"],
      ["javascript: URL", "a href", " java\tscript:alert(2)"],
      ["javascript: URL", "a xlink:href", "JavaScript:3"],
    ]);
    expect(found[0]).toMatchObject({ line: 2, column: 59 });
  });

  it("reads URLs the way the URL parser does", () => {
    expect(isJavascriptUrl("\u0001 javascript:x")).toBe(true);
    expect(isJavascriptUrl("jav\nascript:x")).toBe(true);
    expect(isJavascriptUrl("/javascript:x")).toBe(false);
    expect(isJavascriptUrl("https://example.org/")).toBe(false);
  });

  it("gives the place for the policy: after a leading <meta charset>, else after <head>, none without <head>", () => {
    const withCharset = page("<title>x</title>", "");
    expect(withCharset.slice(readPageCode(withCharset).headInsertAt)).toMatch(/^<title>/);
    const withoutCharset = "<!doctype html><html><head><title>x</title></head></html>";
    expect(withoutCharset.slice(readPageCode(withoutCharset).headInsertAt)).toMatch(/^<title>/);
    expect(readPageCode("<p>no head</p>").headInsertAt).toBeUndefined();
  });
});
