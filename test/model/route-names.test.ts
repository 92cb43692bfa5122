import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reservedContentNames } from "../../src/model/routes.ts";
import { repoRoot } from "../helpers/fixture-site.ts";

/** The names a folder of src/routes/ serves at its own level: file or folder names without extension or parameters. */
const fixedNames = (folder: string): string[] =>
  readdirSync(path.join(repoRoot, "src/routes", folder))
    .map((name) => name.replace(/\..*$/, ""))
    .filter((name) => !name.startsWith("[") && !name.startsWith("_") && name !== "404" && name !== "index");

describe("names content files may not take", () => {
  it("include every fixed page and folder at the site's root, so a page never replaces one", () => {
    expect(reservedContentNames().pages).toEqual(expect.arrayContaining(fixedNames("")));
  });

  it("include every fixed page under /blog/, so a post never replaces one", () => {
    expect(reservedContentNames().posts).toEqual(expect.arrayContaining(fixedNames("blog")));
  });

  it("include the routes named in the issue", () => {
    expect(reservedContentNames().pages).toEqual(
      expect.arrayContaining([
        "blocking",
        "data",
        "search",
        "transparency",
        "canary",
        "incidents",
        "countries",
        "feed",
        "rss",
        "og",
        "authors",
      ]),
    );
    expect(reservedContentNames().posts).toEqual(expect.arrayContaining(["archive", "tags"]));
  });
});

describe("the documented names", () => {
  it("are the names validate refuses", () => {
    const docs = readFileSync(path.join(repoRoot, "docs/data-format.md"), "utf8");
    const { pages, posts } = reservedContentNames();
    for (const name of [...pages, ...posts]) expect(docs).toContain(`\`${name}\``);
  });
});
