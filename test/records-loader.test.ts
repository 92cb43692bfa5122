import path from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import { describe, expect, it } from "vitest";
import { projectRecordsLoader } from "../src/loaders/project-records-loader.ts";

/** The parts of Astro's loader context the loader uses, recording what it stores. */
function fakeContext(root: string) {
  const stored = new Map<string, Record<string, unknown>>();
  const context = {
    config: { root: pathToFileURL(`${root}/`) },
    store: {
      clear: () => stored.clear(),
      set: ({ id, data }: { id: string; data: Record<string, unknown> }) => (stored.set(id, data), true),
    },
    logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} },
    generateDigest: (value: unknown) => JSON.stringify(value),
  } as unknown as LoaderContext;
  return { context, stored };
}

const fixtures = path.join(import.meta.dirname, "fixtures");

describe("project records loader (build mode)", () => {
  it("stores every record of its kind with typed data", async () => {
    const { context, stored } = fakeContext(path.join(fixtures, "spreadsheet"));
    await projectRecordsLoader("requests", "data/requests.csv", { expiredCanary: "error" }).load(context);
    expect([...stored.keys()]).toEqual(["req-2024-001", "req-2024-002", "req-2024-003"]);
    expect(stored.get("req-2024-002")).toMatchObject({ count: 3, received: { precision: "half" } });
  });

  it("stores nothing and throws the full report when any file has a problem", async () => {
    const { context, stored } = fakeContext(path.join(fixtures, "errors/duplicate-ids"));
    const load = projectRecordsLoader("requests", "data/requests.csv", { expiredCanary: "error" }).load(context);
    await expect(load).rejects.toThrow(
      /data\/requests\.csv:4:1: id: an id not used before \(first used at data\/requests\.csv:2\), found "req-1"/,
    );
    expect(stored.size).toBe(0);
  });
});
