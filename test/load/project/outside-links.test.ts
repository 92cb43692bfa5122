import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";

// A project whose content/, data/ and public/ hold links, as a hostile contributor would commit them. It is made
// outside the repository: its link to the folder above it would otherwise be a loop that any watcher of the
// repository (Vite's, under astro dev and the component tests) follows forever.
const root = mkdtempSync(path.join(tmpdir(), "vitrine-outside-links-"));

afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(() => {
  for (const folder of ["content/blog", "data", "public/docs", ".git", "notes"])
    mkdirSync(path.join(root, folder), { recursive: true });
  writeFileSync(path.join(root, ".git/config"), "[remote]\n  url = https://token@example.org/\n");
  writeFileSync(path.join(root, ".env"), "DEPLOY_TOKEN=secret\n");
  writeFileSync(path.join(root, "notes/logo.svg"), "<svg/>");
  symlinkSync("../.git/config", path.join(root, "public/config.txt"));
  symlinkSync("../../.env", path.join(root, "public/docs/env.txt"));
  symlinkSync("/etc/hostname", path.join(root, "data/requests.csv"));
  symlinkSync(path.dirname(root), path.join(root, "content/blog/everything"));
  symlinkSync("../missing.png", path.join(root, "public/missing.png"));
  // Folders, even inside: the whole repository, or a loop back to the folder that holds the link.
  symlinkSync("..", path.join(root, "public/all"));
  symlinkSync(".", path.join(root, "content/blog/again"));
  // A link to another file of the repository is fine.
  symlinkSync("../notes/logo.svg", path.join(root, "public/logo.svg"));
});

describe("symbolic links in content/, data/ and public/", () => {
  it("are refused when they lead outside the repository, into a hidden file, to a folder, or nowhere", async () => {
    const links = (await loadProject(root)).problems.filter((p) => p.field === "link");
    expect(links.map((p) => [p.file, p.found])).toEqual([
      ["content/blog/again", "."],
      ["content/blog/everything", path.dirname(root)],
      ["data/requests.csv", "/etc/hostname"],
      ["public/all", ".."],
      ["public/config.txt", "../.git/config"],
      ["public/docs/env.txt", "../../.env"],
      ["public/missing.png", "../missing.png"],
    ]);
    expect(formatProblem(links[3]!)).toBe(
      'public/all:1:1: link: a file or a folder, not a symbolic link to a folder: it could hold the whole repository, or itself, found ".."',
    );
    expect(formatProblem(links[4]!)).toBe(
      'public/config.txt:1:1: link: a file, or a symbolic link to a file of the repository that is not hidden: the build would publish what a link outside points at, found "../.git/config"',
    );
  });
});
