/** Joins the site's base path and a site-relative path (`""` for the home page); never doubles a slash. */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, "")}`;
}

/** The kinds of record, as used in collection names. */
export type RecordKind = "requests" | "blockingEvents" | "incidents";

/** Site-relative path of a record's page. */
export function recordPath(kind: RecordKind, id: string): string {
  if (kind === "requests") return `transparency/requests/${id}/`;
  if (kind === "blockingEvents") return `blocking/${id}/`;
  return `incidents/${id}/`;
}

/** Site-relative path of a blog post. */
export function postPath(slug: string): string {
  return `blog/${slug}/`;
}

/** Site-relative path of a content page such as `about`. */
export function pagePath(slug: string): string {
  return `${slug}/`;
}
