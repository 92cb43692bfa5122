import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { CHECKSUMS_FILE, formatChecksums, isChecksummed, sha256Hex } from "../../output/open-data/checksums.ts";

/** Folder of the open-data downloads inside the build output. */
const DATA_FOLDER = "data/";

/**
 * After a build, writes `data/SHA256SUMS` over every download in the output's data folder (schemas
 * included, the downloads page excluded), so readers can check them with `sha256sum -c SHA256SUMS`.
 * It runs once the files are on disk, so it hashes exactly the bytes that will be served.
 */
export function dataChecksums(): AstroIntegration {
  return {
    name: "vitrine:data-checksums",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const folder = fileURLToPath(new URL(DATA_FOLDER, dir));
        const paths = await readdir(folder, { recursive: true }).catch(() => undefined);
        if (!paths) {
          logger.warn(`No ${DATA_FOLDER} folder in the build output, so no ${CHECKSUMS_FILE} was written.`);
          return;
        }
        const names: string[] = [];
        for (const relative of paths) {
          const name = relative.split(path.sep).join("/");
          if (isChecksummed(name) && (await stat(path.join(folder, relative))).isFile()) names.push(name);
        }
        const entries = await Promise.all(
          names.map(async (name) => ({ name, sha256: sha256Hex(await readFile(path.join(folder, name))) })),
        );
        await writeFile(path.join(folder, CHECKSUMS_FILE), formatChecksums(entries));
        logger.info(`${DATA_FOLDER}${CHECKSUMS_FILE}: ${entries.length} files`);
      },
    },
  };
}
