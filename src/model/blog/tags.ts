import { slug } from "github-slugger";

/** A tag as listed: its URL slug, the label most posts spell it with, and the posts using it. */
export interface Tag {
  slug: string;
  label: string;
  postIds: string[];
}

/** The URL slug of a tag: case, spacing, underscores and punctuation never make two tags. */
export function tagSlug(tag: string): string {
  return slug(tag.trim().replace(/[\s_]+/g, " "));
}

/** Groups the tags of `posts` by slug; each label is the most common spelling (ties: the first used). Sorted by label. */
export function collectTags(posts: readonly { id: string; tags: readonly string[] }[]): Tag[] {
  const bySlug = new Map<string, { spellings: Map<string, number>; postIds: Set<string> }>();
  for (const post of posts) {
    for (const raw of post.tags) {
      const key = tagSlug(raw);
      if (key === "") continue;
      const entry = bySlug.get(key) ?? { spellings: new Map<string, number>(), postIds: new Set<string>() };
      const label = raw.trim().replace(/\s+/g, " ");
      entry.spellings.set(label, (entry.spellings.get(label) ?? 0) + 1);
      entry.postIds.add(post.id);
      bySlug.set(key, entry);
    }
  }
  return [...bySlug]
    .map(([key, { spellings, postIds }]) => ({
      slug: key,
      label: [...spellings].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key,
      postIds: [...postIds],
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
