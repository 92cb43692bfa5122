import { tagSlug } from "./tags.ts";

/** What relatedness is judged on. */
export interface PostForRelations {
  id: string;
  date: string;
  tags: readonly string[];
  related: readonly string[];
}

/**
 * The posts most related to `post`: one point per shared tag (normalised) and two per shared record;
 * ties go to the newer post. Posts sharing nothing are left out.
 */
export function relatedPosts<T extends PostForRelations>(post: PostForRelations, others: readonly T[], limit = 3): T[] {
  const tags = new Set(post.tags.map(tagSlug));
  const records = new Set(post.related);
  return others
    .filter((other) => other.id !== post.id)
    .map((other) => ({
      other,
      score:
        other.tags.filter((t) => tags.has(tagSlug(t))).length + 2 * other.related.filter((r) => records.has(r)).length,
    }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || b.other.date.localeCompare(a.other.date))
    .slice(0, limit)
    .map(({ other }) => other);
}
