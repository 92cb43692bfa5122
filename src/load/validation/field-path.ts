/**
 * A frontmatter key and the part of its value a problem is in, as an editor counts: list items from 1,
 * `links › item 1 › url` (the schema's path, `links.0.url`, counts from 0).
 */
export function fieldPath(field: string, path: readonly PropertyKey[]): string {
  const parts = path.map((part) => (typeof part === "number" ? `item ${part + 1}` : String(part)));
  return [field, ...parts].join(" › ");
}
