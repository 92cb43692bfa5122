import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import { cardCacheFolder } from "../../output/social-cards/card-cache.ts";
import { formatBytes, type CheckLine } from "./check-line.ts";

/** Astro's cache directory (`cacheDir`) in a site, where the build also keeps its social cards. */
export const ASTRO_CACHE_DIR = "node_modules/.astro";

/** The total size of the files under `dir` and how many there are (0 and 0 when it does not exist). */
async function folderSize(dir: string, only?: RegExp): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile() && (!only || only.test(entry.name)));
  const sizes = await Promise.all(
    files.map(async (entry) => (await lstat(path.join(entry.parentPath, entry.name))).size),
  );
  return { bytes: sizes.reduce((sum, size) => sum + size, 0), files: files.length };
}

/** One line with the size of Astro's cache and of the social-card cache inside it, and how to clear them. */
export async function cacheCheck(root: string): Promise<CheckLine[]> {
  const astro = path.join(root, ASTRO_CACHE_DIR);
  const all = await folderSize(astro);
  if (all.files === 0)
    return [{ mark: "ok", topic: "Cache", text: `none yet (${ASTRO_CACHE_DIR} is empty or absent; a build makes it)` }];
  const cards = await folderSize(cardCacheFolder(astro), /^[0-9a-f]{64}\.png$/);
  return [
    {
      mark: "ok",
      topic: "Cache",
      text: `${ASTRO_CACHE_DIR} holds ${formatBytes(all.bytes)}, of which ${formatBytes(cards.bytes)} are ${cards.files} social card${cards.files === 1 ? "" : "s"}; to clear it (after a build that looks stale), delete ${ASTRO_CACHE_DIR} (rm -rf ${ASTRO_CACHE_DIR}): the next build reads everything again and redraws every card`,
    },
  ];
}
