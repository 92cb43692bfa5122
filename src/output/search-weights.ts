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
