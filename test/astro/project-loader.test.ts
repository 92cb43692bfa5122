import path from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as loadProjectModule from "../../src/load/project/load-project.ts";
import { projectLoaders } from "../../src/astro/project-loader.ts";
import { repoRoot, testRoot } from "../helpers/fixture-site.ts";

vi.mock("../../src/load/project/load-project.ts", { spy: true });

interface Stored {
  data: Record<string, unknown>;
  filePath?: string;
  deferredRender?: boolean;
}

/** The parts of Astro's loader context the loaders use, recording what each collection stores. */
function fakeContext(root: string) {
  const stored = new Map<string, Stored>();
  const logged: string[] = [];
  const log = (line: string) => logged.push(line);
  const logger = { info: log, warn: log, error: log, debug: log, fork: () => logger };
  const context = {
    config: { root: pathToFileURL(`${root}/`) },
    store: {
      clear: () => stored.clear(),
      set: ({ id, ...entry }: Stored & { id: string }) => (stored.set(id, entry), true),
    },
    logger,
    generateDigest: (value: unknown) => JSON.stringify(value),
  } as unknown as LoaderContext;
  return { context, stored, logged };
}

const fixtures = path.join(testRoot, "fixtures");

afterEach(() => {
  vi.restoreAllMocks();
  vi.mocked(loadProjectModule.loadProject).mockClear();
});

describe("project loaders (build mode)", () => {
  it("store every record of a kind with typed data, from the CSV it came from", async () => {
    const { context, stored } = fakeContext(path.join(fixtures, "spreadsheet"));
    await projectLoaders({ expiredCanary: "error" }).requests.load(context);
    expect([...stored.keys()]).toEqual(["req-2024-001", "req-2024-002", "req-2024-003"]);
    expect(stored.get("req-2024-002")).toMatchObject({
      data: { count: 3, received: { precision: "half" } },
      filePath: "data/requests.csv",
    });
  });

  it("store posts rendered from their files, with the records their body shows", async () => {
    const { context, stored } = fakeContext(repoRoot);
    await projectLoaders({ expiredCanary: "warning" }).posts.load(context);
    const post = stored.get("why-velin-mail-is-blocked-in-russia");
    expect(post).toMatchObject({
      filePath: "content/blog/why-velin-mail-is-blocked-in-russia.mdx",
      deferredRender: true,
    });
    expect(post?.data["mentions"]).toEqual(["blk-ru-2020-smtp", "blk-ru-2020-mailru-yandex"]);
    expect(post?.data["title"]).toBe("Why Velin Mail is blocked in Russia, and what you can do");
  });

  it("read and validate the project once for all collections", async () => {
    const loaders = projectLoaders({ expiredCanary: "warning" });
    const contexts = Object.keys(loaders).map(() => fakeContext(repoRoot));
    await Promise.all(Object.values(loaders).map((loader, i) => loader.load(contexts[i]!.context)));
    expect(vi.mocked(loadProjectModule.loadProject)).toHaveBeenCalledTimes(1);
    // The sample has a release and a correction: every collection is filled.
    const filled = Object.keys(loaders).map((name, i) => [name, contexts[i]!.stored.size > 0]);
    expect(filled.filter(([, some]) => !some).map(([name]) => name)).toEqual([]);
  });

  it("stop the build with the whole report, and store nothing, when any file has a problem", async () => {
    const { context, stored, logged } = fakeContext(path.join(fixtures, "errors/duplicate-ids"));
    const printed: string[] = [];
    vi.spyOn(console, "error").mockImplementation((text: string) => void printed.push(text));
    vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    await expect(projectLoaders({ expiredCanary: "error" }).requests.load(context)).rejects.toThrow("exit 1");
    expect(logged).toContain("data/ or content/ has problems, so nothing was built:");
    expect(printed.join("\n")).toMatch(
      /data\/requests\.csv:4:1: column A \(id\): an id not used before \(first used at data\/requests\.csv:2\), found "req-1"/,
    );
    expect(stored.size).toBe(0);
  });
});
