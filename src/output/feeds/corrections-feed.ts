import type { CorrectionView } from "../../model/corrections-model.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import type { RecordFeedItem } from "./record-feed.ts";

/** Site-relative path of the corrections feed. */
export const CORRECTIONS_FEED = "data/corrections/rss.xml";

/**
 * A correction as a feed item, published on the day of the correction; it links to the page that shows
 * the corrected value (the corrections page for a record withdrawn). Its guid stays the same across builds; its words
 * are the translator's language.
 */
export function correctionItem(correction: CorrectionView, translator: Translator): RecordFeedItem {
  const published = new Date(`${correction.date.start}T00:00:00Z`);
  return {
    id: `correction:${correction.id}`,
    title: translator.t("feeds.item.correctionTitle", { title: correction.title }),
    path: correction.path ?? "data/corrections/",
    description: translator.t("feeds.item.correction", { sentence: correction.sentence, reason: correction.reason }),
    published,
    updated: published,
  };
}
