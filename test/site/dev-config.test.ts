import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.ts";
import { makeFixtureSite, runAstro, startDevServer, type DevServer } from "../helpers/fixture-site.ts";

/** The panel of the site config's problems, and the one of the site's dictionaries' problems. */
const CONFIG_PANEL = "[role=alert][data-vitrine-dev-config]";
const DICTIONARY_PANEL = "[role=alert][data-vitrine-dev-dictionaries]";

/** What the browser shows: the page's title, the rendered text of a problem panel ("" when none), and the navigation's. */
async function shown(page: Page, panel = CONFIG_PANEL): Promise<Seen | undefined> {
  return page
    .evaluate(
      (selector) => ({
        title: document.title,
        panel: document.querySelector<HTMLElement>(selector)?.innerText ?? "",
        nav: document.querySelector<HTMLElement>(".site-header nav")?.innerText ?? "",
      }),
      panel,
    )
    .catch(() => undefined);
}
interface Seen {
  title: string;
  panel: string;
  nav: string;
}

describe("astro dev with an edited site config, in Chromium", () => {
  let dir: string;
  let file: string;
  let original: string;
  let server: DevServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    dir = makeFixtureSite("dev-config");
    file = path.join(dir, "src/site.config.ts");
    original = readFileSync(file, "utf8");
    server = await startDevServer(dir);
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Reloads the page until what it shows passes `done` (the dev server restarts after a config change). */
  const untilShown = async (done: (seen: Seen) => boolean, panel = CONFIG_PANEL) => {
    let last: Seen | undefined;
    await expect
      .poll(
        async () => {
          await page.reload({ waitUntil: "load" }).catch(() => undefined);
          last = await shown(page, panel);
          return last;
        },
        { timeout: 120_000, interval: 500 },
      )
      .toSatisfy((seen: Seen | undefined) => seen !== undefined && done(seen));
    if (!last) throw new Error("the page showed nothing");
    return last;
  };

  it("keeps serving with the last valid config, names the problem on every page, and takes the fixed config", async () => {
    if (!server) throw new Error("astro dev did not start");
    const name = /name: "([^"]+)"/.exec(original)?.[1] ?? "";
    expect(name).not.toBe("");
    expect((await page.goto(`${server.url}/`))?.status()).toBe(200);
    await untilShown((seen) => seen.title.includes(name) && seen.panel === "");

    // A service id that is not one (the second service): the server lives on, the page keeps the last valid config.
    const broken = original.replace('{ id: "calendar",', '{ id: "Calendar!",');
    expect(broken).not.toBe(original);
    writeFileSync(file, broken);
    const problem = "src/site.config.ts: services › item 2 › id:";
    // A restart of the dev server: slow on a busy machine.
    await expect.poll(() => server?.log() ?? "", { timeout: 120_000, interval: 250 }).toContain(problem);
    expect(server.log()).toContain("the preview goes on with the last valid site config until they are fixed");
    const bad = await untilShown((seen) => seen.panel !== "");
    expect(bad.title).toContain(name);
    const lines = bad.panel.split("\n").filter((line) => line !== "");
    expect(lines[0]).toBe("src/site.config.ts has problems");
    expect(lines.some((line) => line.startsWith(problem) && line.endsWith('found "Calendar!"'))).toBe(true);
    // Every page says so, not only the one open.
    expect((await page.goto(`${server.url}/transparency/`))?.status()).toBe(200);
    expect((await untilShown((seen) => seen.panel !== "")).panel).toContain(problem);

    // Fixed, with a new name: the panel goes and the new config is the one the pages use.
    const renamed = "Renamed while the server runs";
    writeFileSync(file, original.replace(`name: "${name}"`, `name: "${renamed}"`));
    const fixed = await untilShown((seen) => seen.panel === "" && seen.title.includes(renamed));
    expect(fixed.title).not.toContain(name);
    // One dev server process throughout: it restarted in place, never exited.
    expect(server.log().match(/ready in \d+ ms/g)).toHaveLength(1);
  }, 360_000);

  it("takes a site dictionary added while it runs, keeps the last valid words while one is broken, and names the problem on every page", async () => {
    if (!server) throw new Error("astro dev did not start");
    const russian = path.join(dir, "i18n/ru.json");
    const restarts = (): number => (server?.log().match(/Restarting\.\.\./g) ?? []).length;
    /**
     * Saves the dictionary once the dev server has not begun a restart for 3 s, then waits until `done`, saving it
     * again every 20 s until then: astro dev does not see a change made while it restarts (a new file can make it
     * restart twice), and an editor would save again.
     */
    const save = async (text: string, done: () => boolean | Promise<boolean>): Promise<void> => {
      let [count, since] = [restarts(), Date.now()];
      await expect
        .poll(
          () => {
            if (restarts() !== count) [count, since] = [restarts(), Date.now()];
            return Date.now() - since > 3_000;
          },
          { timeout: 120_000, interval: 250 },
        )
        .toBe(true);
      let saved = 0;
      await expect
        .poll(
          async () => {
            if (Date.now() - saved > 20_000) {
              writeFileSync(russian, text);
              saved = Date.now();
            }
            return done();
          },
          { timeout: 120_000, interval: 500 },
        )
        .toBe(true);
    };
    /** Whether the page, reloaded, passes `check`. */
    const showing = async (check: (seen: Seen) => boolean): Promise<boolean> => {
      await page.reload({ waitUntil: "load" }).catch(() => undefined);
      const seen = await shown(page, DICTIONARY_PANEL);
      return seen !== undefined && check(seen);
    };
    expect((await page.goto(`${server.url}/ru/`))?.status()).toBe(200);
    const before = await untilShown((seen) => seen.nav !== "", DICTIONARY_PANEL);
    expect(before.panel).toBe("");
    expect(before.nav).not.toContain("Журнал");

    // A new file: the server restarts and the Russian pages take its word.
    mkdirSync(path.dirname(russian), { recursive: true });
    await save(`{\n  "nav": {\n    "blog": "Журнал"\n  }\n}\n`, () =>
      showing((seen) => seen.nav.includes("Журнал") && seen.panel === ""),
    );

    // A message that is not ICU: the server lives on with the last valid words and says what is wrong, where.
    const problem = "i18n/ru.json:3:13:";
    await save(`{\n  "nav": {\n    "blog": "Журнал {"\n  }\n}\n`, () => (server?.log() ?? "").includes(problem));
    expect(server.log()).toContain("the preview goes on with their last valid words until they are fixed");
    const bad = await untilShown((seen) => seen.panel !== "", DICTIONARY_PANEL);
    expect(bad.nav).toContain("Журнал");
    const lines = bad.panel.split("\n").filter((line) => line !== "");
    expect(lines[0]).toBe("The site's dictionaries in i18n/ have problems");
    expect(lines.some((line) => line.startsWith(problem))).toBe(true);

    // Fixed: the panel goes, and the new word is the one the pages use.
    await save(`{\n  "nav": {\n    "blog": "Заметки"\n  }\n}\n`, () =>
      showing((seen) => seen.panel === "" && seen.nav.includes("Заметки")),
    );
    const fixed = await untilShown((seen) => seen.panel === "", DICTIONARY_PANEL);
    expect(fixed.nav).not.toContain("Журнал");
    expect(server.log().match(/ready in \d+ ms/g)).toHaveLength(1);
  }, 360_000);

  it("started with an invalid config, stops with the config's lines and no stack trace: there is no valid config to go on with", () => {
    const start = makeFixtureSite("dev-config-start");
    const config = path.join(start, "src/site.config.ts");
    writeFileSync(config, readFileSync(config, "utf8").replace('{ id: "calendar",', '{ id: "Calendar!",'));
    const { code, output } = runAstro(start, ["dev", "--port", "0", "--host", "127.0.0.1"]);
    expect(code, output).toBe(1);
    expect(output).toContain(
      'src/site.config.ts: services › item 2 › id: an id of lowercase letters, digits and hyphens, like "email", found "Calendar!"',
    );
    expect(output).not.toMatch(/Stack trace|\n\s+at /);
  });
});
