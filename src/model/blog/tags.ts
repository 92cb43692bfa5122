import { slug } from "github-slugger";

/** A tag as listed: its URL slug, its label, the language that label is in, and the posts using it. */
export interface Tag {
  slug: string;
  label: string;
  /**
   * The language of the label when it is a translation's (the page's, as given to `collectTags`); undefined when it
   * is the main language's, as the posts' originals write it.
   */
  language: string | undefined;
  postIds: string[];
}

/** A post as its tags are collected: its original's tags, and its translation's labels of them by slug, if any. */
export interface TaggedPost {
  id: string;
  tags: readonly string[];
  /** The labels a translation in the page's language gives its original's tags, by slug (`roskomnadzor: Роскомнадзор`). */
  labels?: Readonly<Record<string, string>> | undefined;
}

/** The URL slug of a tag: case, spacing, underscores and punctuation never make two tags. */
export function tagSlug(tag: string): string {
  return slug(tag.trim().replace(/[\s_]+/g, " "));
}

/** The most common of `spellings` (ties: the first counted); undefined when there is none. */
function mostCommon(spellings: ReadonlyMap<string, number>): string | undefined {
  return [...spellings].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Counts one more use of `label`, with its spaces tidied. */
function count(spellings: Map<string, number>, label: string): void {
  const tidy = label.trim().replace(/\s+/g, " ");
  spellings.set(tidy, (spellings.get(tidy) ?? 0) + 1);
}

/**
 * Groups the tags of `posts` by slug, for a page in `language` (its BCP 47 tag). Each label is the most common
 * spelling the posts' translations into that language give (`labels`), else the most common among the originals
 * (ties: the first used), then marked as the main language's. Sorted by label, as that language sorts words.
 */
export function collectTags(posts: readonly TaggedPost[], language: string): Tag[] {
  const bySlug = new Map<
    string,
    { original: Map<string, number>; translated: Map<string, number>; postIds: Set<string> }
  >();
  for (const post of posts) {
    for (const raw of post.tags) {
      const key = tagSlug(raw);
      if (key === "") continue;
      const entry = bySlug.get(key) ?? {
        original: new Map<string, number>(),
        translated: new Map<string, number>(),
        postIds: new Set<string>(),
      };
      count(entry.original, raw);
      const label = post.labels?.[key];
      if (label !== undefined && label.trim() !== "") count(entry.translated, label);
      entry.postIds.add(post.id);
      bySlug.set(key, entry);
    }
  }
  const collator = new Intl.Collator(language);
  return [...bySlug]
    .map(([key, { original, translated, postIds }]) => {
      const label = mostCommon(translated);
      return label === undefined
        ? { slug: key, label: mostCommon(original) ?? key, language: undefined, postIds: [...postIds] }
        : { slug: key, label, language, postIds: [...postIds] };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}
