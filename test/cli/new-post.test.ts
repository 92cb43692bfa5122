import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NEW_POST_USAGE, createPost, newPostArguments, todayIn } from "../../src/cli/new-post.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import { repoRoot } from "../helpers/fixture-site.ts";

describe("npm run new:post", () => {
  it("creates a draft post with valid frontmatter, dated today in the site's zone", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "vitrine-new-post-"));
    for (const entry of ["src", "content", "data"])
      cpSync(path.join(repoRoot, entry), path.join(root, entry), { recursive: true });
    const now = new Date("2026-11-28T23:30:00Z"); // already 29 November in Brussels
    const file = await createPost(root, "Our answer to the 2026 order: what changes?", now);
    expect(file).toBe("content/blog/our-answer-to-the-2026-order-what-changes.mdx");
    expect(readFileSync(path.join(root, file), "utf8")).toContain('date: "2026-11-29"');
    const project = await loadProject(root, { now });
    expect(project.problems).toEqual([]);
    expect(project.posts.find((p) => p.file === file)?.data).toMatchObject({
      draft: true,
      title: "Our answer to the 2026 order: what changes?",
    });
    await expect(createPost(root, "Our answer to the 2026 order: what changes?", now)).rejects.toThrow(
      "already exists",
    );
  });

  it("reads its arguments: the title's words, --help, and no option taken for a title", () => {
    expect(newPostArguments(["Blocked", "in", "Russia"])).toEqual({ title: "Blocked in Russia" });
    expect(newPostArguments(["--", "--help"])).toEqual({ title: "--help" });
    expect(newPostArguments(["--help"])).toEqual({ help: true });
    expect(newPostArguments(["-h"])).toEqual({ help: true });
    expect(newPostArguments([])).toEqual({ error: NEW_POST_USAGE });
    expect(newPostArguments(["  "])).toEqual({ error: NEW_POST_USAGE });
    const unknown = newPostArguments(["--draft", "Title"]);
    expect("error" in unknown && unknown.error).toMatch(/Unknown option '--draft'[\s\S]*Usage: vitrine new post/);
  });

  it("knows today's date in any zone", () => {
    expect(todayIn("Asia/Tokyo", new Date("2026-11-28T16:00:00Z"))).toBe("2026-11-29");
    expect(todayIn("America/New_York", new Date("2026-11-28T03:00:00Z"))).toBe("2026-11-27");
  });
});
