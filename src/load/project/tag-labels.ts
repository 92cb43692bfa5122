import { distance } from "fastest-levenshtein";
import { TAG_LABELS } from "../../contract/schemas/content-translation.ts";
import { tagSlug } from "../../model/blog/tags.ts";
import type { TextPosition } from "../content/read-frontmatter.ts";
import { fieldPath } from "../validation/field-path.ts";
import type { Problem } from "../validation/problem.ts";

/** A translation's tag labels as read: by the slug of the original's tag each names, and the problems found. */
export interface TagLabels {
  labels: Record<string, string>;
  problems: Problem[];
}

/**
 * Checks the keys of a post translation's `tags` map (`labels`, as its YAML reads, whether or not its labels are
 * valid: the frontmatter's check reports those) against its original's tags (`tags`, as `original` writes them):
 * each key must name one of them, as written or as its slug, and only one key may name a tag. Each problem is at its
 * key's line and column and names the tags the key could be, closest first. Each label is given trimmed.
 */
export function readTagLabels(
  labels: Readonly<Record<string, unknown>>,
  tags: readonly string[],
  file: string,
  original: string,
  locate: (path: readonly PropertyKey[], part?: "key") => TextPosition,
): TagLabels {
  const result: TagLabels = { labels: {}, problems: [] };
  const slugs = new Map(tags.map((tag) => [tagSlug(tag), tag]));
  const namedBy = new Map<string, string>();
  for (const [key, label] of Object.entries(labels)) {
    const slug = tagSlug(key);
    const tag = slugs.get(slug);
    const at = locate([TAG_LABELS, key], "key");
    const problem = { file, line: at.line, column: at.column, field: fieldPath(TAG_LABELS, [key]), found: key };
    if (tag === undefined) {
      const closest = [...slugs.values()].sort(
        (a, b) => distance(key.toLowerCase(), a.toLowerCase()) - distance(key.toLowerCase(), b.toLowerCase()),
      );
      result.problems.push({
        ...problem,
        expected:
          closest.length === 0
            ? `no tags: ${original} has none to translate`
            : `one of the tags of ${original}, as it writes them or as their slugs: ${closest.join(", ")}`,
      });
      continue;
    }
    const twin = namedBy.get(slug);
    if (twin !== undefined) {
      result.problems.push({ ...problem, expected: `one label for the tag ${tag}: ${twin} names it already` });
      continue;
    }
    namedBy.set(slug, key);
    result.labels[slug] = typeof label === "string" ? label.trim() : "";
  }
  return result;
}
