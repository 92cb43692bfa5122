import { describe, expect, it } from "vitest";
import { AuthorSchema, PostSchema } from "../../src/contract/schemas/content.ts";

describe("content schemas as Astro applies them", () => {
  const post = { title: "T", description: "D", authors: ["jane-doe"] };

  it("accepts a YAML timestamp (a Date from Astro's frontmatter parser) and keeps it as written", () => {
    expect(PostSchema.parse({ ...post, date: new Date("2024-03-01T00:00:00Z") }).date).toBe("2024-03-01");
    expect(PostSchema.parse({ ...post, date: "2024-03-01T09:00:00+01:00" }).date).toBe("2024-03-01T09:00:00+01:00");
  });

  it("fills in defaults for optional lists and flags", () => {
    expect(PostSchema.parse({ ...post, date: "2024-03-01" })).toMatchObject({ tags: [], related: [], draft: false });
    expect(AuthorSchema.parse({ name: "Jane", bio: "Writes." }).links).toEqual([]);
  });

  it("rejects a description over 200 characters, saying how long it is", () => {
    const result = PostSchema.safeParse({ ...post, date: "2024-03-01", description: "x".repeat(201) });
    expect(result.error?.issues[0]?.message).toBe("some text of at most 200 characters (this has 201)");
  });
});
