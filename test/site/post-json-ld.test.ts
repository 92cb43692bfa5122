import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import site from "../../src/site.config.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/** The BlogPosting a post's page describes itself with. */
function blogPosting(file: string): { inLanguage?: string; url?: string } {
  const html = readFileSync(file, "utf8");
  const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error(`No JSON-LD in ${file}`);
  return JSON.parse(json) as { inLanguage?: string };
}

describe("a post's JSON-LD", () => {
  const dist = path.join(sampleSite("/").dir, "dist");
  const post = "blog/why-velin-mail-is-blocked-in-russia/index.html";

  it("says the page's language: the main one at /blog/, Russian at /ru/blog/", () => {
    expect(blogPosting(path.join(dist, post)).inLanguage).toBe(site.language);
    expect(blogPosting(path.join(dist, "ru", post)).inLanguage).toBe("ru");
  });
});
