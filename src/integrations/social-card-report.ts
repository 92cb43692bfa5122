import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import {
  cardCacheFolder,
  clearCardLogs,
  formatCardCounts,
  formatCardPoolTimes,
  pruneCardCache,
  readCardCounts,
} from "../lib/cards/card-cache.ts";

/**
 * Reports what the social cards of a build cost, as one line: `social cards: 3 rendered, 131 from cache`
 * (and, when the worker pool drew cards, a second line with its timings).
 * The card endpoint logs each card it serves to a file in the card cache; this clears that log when the
 * build starts and reads it when the build is done, then removes cached cards no page uses any more
 * (a card whose data changed leaves its old PNG behind otherwise).
 */
export function socialCardReport(): AstroIntegration {
  let folder = "";
  return {
    name: "vitrine:social-card-report",
    hooks: {
      "astro:config:done": ({ config }) => {
        folder = cardCacheFolder(fileURLToPath(config.cacheDir));
      },
      "astro:build:start": async () => {
        await clearCardLogs(folder);
      },
      "astro:build:done": async ({ logger }) => {
        const counts = await readCardCounts(folder);
        logger.info(formatCardCounts(counts));
        if (counts.pool) logger.info(formatCardPoolTimes(counts.pool));
        if (counts.keys.size > 0) {
          const removed = await pruneCardCache(folder, counts.keys);
          if (removed > 0) logger.debug(`removed ${removed} cached card(s) no page uses`);
        }
        await clearCardLogs(folder);
      },
    },
  };
}
