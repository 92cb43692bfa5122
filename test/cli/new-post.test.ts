import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { NEW_POST_USAGE, createPost, newPostArguments, postSlug, todayIn } from "../../src/cli/new-post.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import { childEnv, makeFixtureSite, repoRoot } from "../helpers/fixture-site.ts";

describe("npm run new:post", () => {
  it("creates a draft post with valid frontmatter, dated today in the site's zone", async () => {
    // Inside the repository, so that its site config finds the packages it imports.
    const root = makeFixtureSite("new-post-latin");
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
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

  it("gives a Russian title a Latin file name that validate accepts", async () => {
    const root = makeFixtureSite("new-post-russian");
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const now = new Date("2026-11-28T12:00:00Z");
    const file = await createPost(root, "Блокировка в России: что делать?", now);
    expect(file).toBe("content/blog/blokirovka-v-rossii-chto-delat.mdx");
    expect((await loadProject(root, { now })).problems).toEqual([]);
  });

  it("makes ASCII slugs of any script, cut at a word to 100 characters", () => {
    expect(postSlug("Ärger über Übergriffe")).toBe("aerger-ueber-uebergriffe");
    expect(postSlug("Łódź — świat")).toBe("lodz-swiat");
    expect(postSlug("  Our answer to the 2026 order: what changes?  ")).toBe(
      "our-answer-to-the-2026-order-what-changes",
    );
    const long = postSlug("Сроки хранения данных и запросы государственных органов ".repeat(3));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect("sroki-khraneniya-dannykh-i-zaprosy-gosudarstvennykh-organov-".repeat(3)).toContain(`${long}-`);
  });

  it("prints its help for npm run new:post -- --help and writes nothing", () => {
    const before = readdirSync(path.join(repoRoot, "content/blog"));
    for (const [command, args] of [
      ["npm", ["run", "--silent", "new:post", "--", "--help"]],
      [process.execPath, ["src/cli/main.ts", "new", "post", "--help"]],
    ] as const) {
      const result = spawnSync(command, [...args], { cwd: repoRoot, env: childEnv, encoding: "utf8" });
      expect(result.status).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout.split("\n").slice(0, 2)).toEqual([
        'Usage: vitrine new post "Title of the post"',
        'In a site: npm run new:post -- "Title of the post"',
      ]);
    }
    expect(readdirSync(path.join(repoRoot, "content/blog"))).toEqual(before);
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
