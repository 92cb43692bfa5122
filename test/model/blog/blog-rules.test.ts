import { describe, expect, it } from "vitest";
import { isListed, postVisibility, publicationInstant } from "../../../src/model/blog/publication.ts";
import { relatedPosts } from "../../../src/model/blog/related-posts.ts";
import { minutesToRead } from "../../../src/output/blog/remark-reading-time.ts";
import { buildToc } from "../../../src/output/blog/table-of-contents.ts";
import { collectTags, tagSlug } from "../../../src/model/blog/tags.ts";

describe("publication rule across time zones", () => {
  it.each([
    ["2025-03-04", "Europe/Brussels", "2025-03-03T23:00:00.000Z"], // CET, UTC+1
    ["2025-07-04", "Europe/Brussels", "2025-07-03T22:00:00.000Z"], // CEST, UTC+2
    ["2025-03-04", "UTC", "2025-03-04T00:00:00.000Z"],
    ["2025-03-04", "America/New_York", "2025-03-04T05:00:00.000Z"],
    ["2025-03-04", "Asia/Tokyo", "2025-03-03T15:00:00.000Z"],
    ["2025-03-30", "Europe/Brussels", "2025-03-29T23:00:00.000Z"], // the day clocks go forward, at 02:00
    ["2025-03-04T09:00:00+01:00", "Asia/Tokyo", "2025-03-04T08:00:00.000Z"], // an explicit offset wins
  ])("%s in %s starts at %s", (date, zone, instant) => {
    expect(publicationInstant(date, zone).toISOString()).toBe(instant);
  });

  it("keeps a post dated today hidden until midnight in the site's zone, not UTC", () => {
    const post = { date: "2025-03-04", draft: false };
    expect(postVisibility(post, new Date("2025-03-03T22:59:59Z"), "Europe/Brussels")).toBe("scheduled");
    expect(postVisibility(post, new Date("2025-03-03T23:00:00Z"), "Europe/Brussels")).toBe("published");
    expect(postVisibility(post, new Date("2025-03-03T23:00:00Z"), "UTC")).toBe("scheduled");
    expect(postVisibility(post, new Date("2025-03-04T04:59:59Z"), "America/New_York")).toBe("scheduled");
  });

  it("never publishes a draft, and shows everything in development", () => {
    expect(postVisibility({ date: "2020-01-01", draft: true }, new Date("2026-01-01"), "UTC")).toBe("draft");
    expect(isListed("draft", "production")).toBe(false);
    expect(isListed("scheduled", "production")).toBe(false);
    expect(isListed("published", "production")).toBe(true);
    expect(isListed("draft", "development")).toBe(true);
    expect(isListed("scheduled", "development")).toBe(true);
  });
});

describe("tags", () => {
  it.each([
    ["Censorship", "censorship"],
    ["  censorship ", "censorship"],
    ["Net Neutrality", "net-neutrality"],
    ["net  neutrality", "net-neutrality"],
    ["net_neutrality", "net-neutrality"],
    ["Russia!", "russia"],
  ])("%j → %s", (tag, slugged) => {
    expect(tagSlug(tag)).toBe(slugged);
  });

  it("never makes two tags of one, and labels each with its most common spelling", () => {
    const tags = collectTags(
      [
        { id: "a", tags: ["Russia", "censorship"] },
        { id: "b", tags: ["russia", "Censorship"] },
        { id: "c", tags: ["russia ", "Transparency Report"] },
      ],
      "en",
    );
    expect(tags).toEqual([
      { slug: "censorship", label: "censorship", language: undefined, postIds: ["a", "b"] }, // a tie: the first used
      { slug: "russia", label: "russia", language: undefined, postIds: ["a", "b", "c"] },
      { slug: "transparency-report", label: "Transparency Report", language: undefined, postIds: ["c"] },
    ]);
  });
});

describe("table of contents", () => {
  const h = (depth: number, slug: string) => ({ depth, slug, text: slug });

  it("nests level 3 under level 2 and drops the footnotes heading", () => {
    expect(buildToc([h(2, "what"), h(3, "detail"), h(2, "why"), h(2, "now"), h(2, "footnote-label")])).toEqual([
      { ...h(2, "what"), children: [{ ...h(3, "detail"), children: [] }] },
      { ...h(2, "why"), children: [] },
      { ...h(2, "now"), children: [] },
    ]);
  });

  it("is empty with fewer than 3 headings, and ignores levels 1 and 4", () => {
    expect(buildToc([h(2, "a"), h(2, "b"), h(2, "footnote-label")])).toEqual([]);
    expect(buildToc([h(1, "t"), h(2, "a"), h(4, "x"), h(2, "b")])).toEqual([]);
  });
});

describe("reading time and related posts", () => {
  it("rounds to whole minutes, at least one", () => {
    expect(minutesToRead(0)).toBe(1);
    expect(minutesToRead(700)).toBe(3);
    expect(minutesToRead(1100)).toBe(5);
  });

  it("ranks posts by shared records (2 points) and tags (1 point), newest first on ties", () => {
    const post = { id: "p", date: "2025-01-01", tags: ["Russia", "blocking"], related: ["blk-1"] };
    const others = [
      { id: "tag-only", date: "2024-01-01", tags: ["russia"], related: [] },
      { id: "record", date: "2023-01-01", tags: [], related: ["blk-1"] },
      { id: "both", date: "2022-01-01", tags: ["blocking"], related: ["blk-1"] },
      { id: "newer-tag", date: "2024-06-01", tags: ["Blocking"], related: [] },
      { id: "nothing", date: "2025-01-01", tags: ["other"], related: [] },
    ];
    expect(relatedPosts(post, others).map((o) => o.id)).toEqual(["both", "record", "newer-tag"]);
  });
});
