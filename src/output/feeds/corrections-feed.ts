import type { CorrectionView } from "../../model/corrections-model.ts";
import type { RecordFeedItem } from "./record-feed.ts";

/** Site-relative path of the corrections feed. */
export const CORRECTIONS_FEED = "data/corrections/rss.xml";

/**
 * A correction as a feed item, published on the day of the correction; it links to the page that shows
 * the corrected value (the corrections page for a record withdrawn). Its guid stays the same across builds.
 */
export function correctionItem(correction: CorrectionView): RecordFeedItem {
  const published = new Date(`${correction.date.start}T00:00:00Z`);
  return {
    id: `correction:${correction.id}`,
    title: `Correction: ${correction.title}`,
    path: correction.path ?? "data/corrections/",
    description: `${correction.sentence} Reason: ${correction.reason}`,
    published,
    updated: published,
  };
}
