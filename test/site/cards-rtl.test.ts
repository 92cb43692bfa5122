import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyCardCache, makeFixtureSite, runAstroAsync } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/*
 * A copy of the sample in English and Arabic, a right-to-left language Vitrine ships no dictionary for (its texts
 * are English, with a warning): satori cannot lay Arabic out, so its pages share the English cards.
 */
describe("a right-to-left language's social cards", () => {
  let dir = "";
  let output = "";
  beforeAll(async () => {
    dir = makeFixtureSite("cards-rtl");
    const config = path.join(dir, "src/site.config.ts");
    const text = readFileSync(config, "utf8");
    const translations = /translations: \[[^\]]*\]/;
    expect(text).toMatch(translations);
    writeFileSync(config, text.replace(translations, 'translations: ["ar"]'));
    // The English cards are drawn already.
    copyCardCache(sampleSite("/").dir, dir);
    const built = await runAstroAsync(dir, ["build"]);
    output = built.output;
    if (built.code !== 0) throw new Error(`astro build of ${dir} exited with ${built.code}:\n${output}`);
  }, 600_000);
  const png = (file: string): Buffer => readFileSync(path.join(dir, "dist", file));

  it("says once, naming the language, that its pages share the main language's cards", () => {
    const lines = output.split("\n").filter((line) => /social cards: .*\(ar\) is written right to left/.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/its pages share the .+ \(en-GB\) cards\.$/);
  });

  it("serves the main language's card at each Arabic card's path, and draws no card for Arabic", () => {
    for (const card of ["og/index.png", "og/blocking/blk-ru-2020-smtp.png", "og/transparency.png"])
      expect(png(`ar/${card}`).equals(png(card)), card).toBe(true);
    const counts = /social cards: (\d+) rendered, (\d+) from cache/.exec(output);
    const [rendered, cached] = [Number(counts?.[1]), Number(counts?.[2])];
    // Each English card is served twice (at / and at /ar/), and drawn at most once.
    expect((rendered + cached) % 2).toBe(0);
    expect(rendered).toBeLessThanOrEqual((rendered + cached) / 2);
  });
});
