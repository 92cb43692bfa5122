import { tagSlug } from "../model/blog/tags.ts";

/**
 * How much words count in the search index (Pagefind's `data-pagefind-weight`, 1 by default, headings more).
 * A record's page is evidence that a post explains: its words weigh less, so a search for a post's subject
 * ranks the post above its records, while a search only records match (a request's id) still finds them.
 */
export const RECORD_SEARCH_WEIGHT = 0.5;

/** A post's tags are its subjects: they weigh as much as Pagefind allows. */
export const POST_SUBJECT_SEARCH_WEIGHT = 10;

/**
 * The Pagefind filter a post's tags are indexed under, by slug (`subject:russia`). The search page lists the
 * posts whose subject is the query first, then every result in Pagefind's order.
 */
export const SUBJECT_FILTER = "subject";

/**
 * The second subject filter value of a tag whose label is a translation's (`subject:роскомнадзор` beside
 * `subject:roskomnadzor`), so that a search in the page's language for its label finds the post first too;
 * undefined when the label's slug is the tag's.
 */
export function labelSubjectFilter(tag: { slug: string; label: string }): string | undefined {
  const label = tagSlug(tag.label);
  return label === "" || label === tag.slug ? undefined : `${SUBJECT_FILTER}:${label}`;
}
