import { describe, expect, it } from "vitest";
import { buildBlogModel, type ContentItem } from "../../../src/model/blog-model.ts";
import { collectTags } from "../../../src/model/blog/tags.ts";
import type { Author, Page, Post } from "../../../src/contract/schemas/content.ts";

describe("tag labels in the page's language", () => {
  it("labels a tag with the most common spelling its translations give, else the original's, marked as such", () => {
    const tags = collectTags(
      [
        { id: "a", tags: ["Russia", "roskomnadzor", "censorship"], labels: { russia: "Россия", roskomnadzor: "РКН" } },
        { id: "b", tags: ["russia", "roskomnadzor"], labels: { roskomnadzor: "Роскомнадзор" } },
        { id: "c", tags: ["roskomnadzor", "Net neutrality"], labels: { roskomnadzor: " Роскомнадзор " } },
        // Untranslated: its tags count for the original's spelling only.
        { id: "d", tags: ["russia"] },
      ],
      "ru",
    );
    expect(tags.map(({ slug, label, language }) => [slug, label, language])).toEqual([
      // Sorted in Russian: Cyrillic labels first, then the main language's.
      ["roskomnadzor", "Роскомнадзор", "ru"], // two translations spell it so, one "РКН"
      ["russia", "Россия", "ru"],
      ["censorship", "censorship", undefined],
      ["net-neutrality", "Net neutrality", undefined],
    ]);
    expect(tags.find((tag) => tag.slug === "russia")?.postIds).toEqual(["a", "b", "d"]);
  });

  it("sorts labels by the page's language", () => {
    const posts = [{ id: "a", tags: ["zebra", "öl", "ost"] }];
    expect(collectTags(posts, "de").map((tag) => tag.label)).toEqual(["öl", "ost", "zebra"]);
    expect(collectTags(posts, "sv").map((tag) => tag.label)).toEqual(["ost", "zebra", "öl"]);
  });
});

describe("a post's tags in the blog model", () => {
  const post = (tags: string[], title: string): Post => ({
    title,
    description: "Why.",
    date: "2026-03-01",
    authors: ["ana"],
    tags,
    draft: false,
    related: [],
  });
  const posts: ContentItem<Post>[] = [
    { id: "blocked", data: post(["russia", "censorship"], "Blocked"), mentions: [] },
    {
      id: "blocked.ru",
      data: post(["russia", "censorship"], "Заблокированы"),
      mentions: [],
      translation: { of: "blocked", language: "ru", outdated: false, tags: { russia: "Россия" } },
    },
  ];
  const model = (language: string) =>
    buildBlogModel(
      { posts, authors: [] as ContentItem<Author>[], pages: [] as ContentItem<Page>[] },
      { timeZone: "UTC", language },
      new Date("2026-11-28T12:00:00Z"),
      "production",
      new Set(),
      "en-GB",
    );

  it("shows each tag in the page's language where a translation into it names it, else in the main language", () => {
    const ru = model("ru");
    expect(ru.posts[0]?.tags).toEqual([
      { slug: "russia", label: "Россия", language: "ru", path: "blog/tags/russia/" },
      { slug: "censorship", label: "censorship", language: undefined, path: "blog/tags/censorship/" },
    ]);
    expect(ru.tags.map((tag) => [tag.path, tag.label])).toEqual([
      ["blog/tags/russia/", "Россия"],
      ["blog/tags/censorship/", "censorship"],
    ]);
    // Other languages keep the same tags, under the same paths, in the main language's words.
    for (const language of ["en-GB", "fr"])
      expect(model(language).tags.map((tag) => [tag.path, tag.label, tag.language])).toEqual([
        ["blog/tags/censorship/", "censorship", undefined],
        ["blog/tags/russia/", "russia", undefined],
      ]);
  });
});
