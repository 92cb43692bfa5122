import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  configProblemsPanel,
  devProblemsPanel,
  dictionaryProblemsPanel,
  withDevPanels,
  withDevProblemsPanel,
} from "../../src/astro/dev-problems.ts";
import vitrine from "../../src/astro/integration.ts";
import site from "../../src/site.config.ts";
import { repoRoot } from "../helpers/fixture-site.ts";

// The panel in a running `astro dev` is checked in test/site/dev-reload.test.ts.
describe("the panel of problems under astro dev", () => {
  const problems = {
    lines: [
      'content/blog/a.mdx:9:1: body: valid MDX (…), found "<script>alert(1)</script> & more"',
      "1 problem in 1 file.",
    ],
    lastValid: true,
  };

  it("shows validate's lines as text, with no script and no style attribute for a Content-Security-Policy to block", () => {
    const panel = devProblemsPanel(problems);
    expect(panel).toContain(
      "found &quot;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more&quot;\n1 problem in 1 file.</pre>",
    );
    expect(panel).not.toMatch(/<script|\sstyle=|\son\w+=/i);
    expect(panel).toContain("This preview still shows the last valid data");
    expect(devProblemsPanel({ ...problems, lastValid: false })).toContain("shows no data");
  });

  it("has a panel of its own for the site config's problems, after which the data's comes", () => {
    const lines = ['src/site.config.ts: services › item 2 › id: an id, found "<b>"'];
    const panel = configProblemsPanel(lines);
    expect(panel).toContain('<h2 id="dev-config-problems-title">src/site.config.ts has problems</h2>');
    expect(panel).toContain("still uses the last valid site config");
    expect(panel).toContain("found &quot;&lt;b&gt;&quot;</pre>");
    expect(panel).not.toMatch(/<script|\sstyle=|\son\w+=/i);
    expect(withDevPanels("<body>x", panel + devProblemsPanel(problems))).toMatch(
      /^<body><section[^>]*data-vitrine-dev-config>.*<\/section><section[^>]*data-vitrine-dev-problems>.*<\/section>x$/s,
    );
  });

  it("has a panel of its own for the site's dictionaries, which says the pages keep their last valid words", () => {
    const lines = ['i18n/ru.json:3:13: nav.blog: an ICU message, found "Журнал {<i>"'];
    const panel = dictionaryProblemsPanel(lines);
    expect(panel).toContain(
      '<h2 id="dev-dictionaries-problems-title">The site\'s dictionaries in i18n/ have problems</h2>',
    );
    expect(panel).toContain("still uses their last valid words");
    expect(panel).toContain("found &quot;Журнал {&lt;i&gt;&quot;</pre>");
    expect(panel).not.toMatch(/<script|\sstyle=|\son\w+=/i);
  });

  it("goes right after the body tag", () => {
    expect(withDevProblemsPanel('<html><body class="x"><a class="skip-link">', problems)).toMatch(
      /^<html><body class="x"><section class="dev-problems" role="alert"[\s\S]*<\/section><a class="skip-link">$/,
    );
  });

  it.each([
    ["dev", 1],
    ["build", 0],
    ["preview", 0],
    ["sync", 0],
  ] as const)("is added by the integration under astro %s: %d middleware", async (command, count) => {
    const added: { entrypoint: string | URL; order: string }[] = [];
    const integrations: { name: string }[] = [];
    const setup = vitrine(site).hooks["astro:config:setup"];
    // Only the parts of the hook's argument the integration reads.
    await setup?.({
      command,
      config: { root: pathToFileURL(`${repoRoot}/`), base: "/", integrations },
      updateConfig: () => undefined,
      injectRoute: () => undefined,
      addMiddleware: (middleware: { entrypoint: string | URL; order: string }) => added.push(middleware),
      addWatchFile: () => undefined,
      logger: { error: () => undefined, warn: () => undefined },
    } as never);
    expect(added).toHaveLength(count);
    for (const middleware of added) {
      expect(middleware.order).toBe("pre");
      expect(existsSync(fileURLToPath(middleware.entrypoint))).toBe(true);
    }
  });
});
