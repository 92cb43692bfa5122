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

/** Site-relative path of a reporting period's page, e.g. `transparency/2024-h1/`. */
export function periodPath(key: string): string {
  return `transparency/${key}/`;
}

/** Site-relative path of a country's page, e.g. `countries/ru/`. */
export function countryPath(code: string): string {
  return `countries/${code.toLowerCase()}/`;
}

/** Site-relative path of a tag's page, from its slug. */
export function tagPath(slug: string): string {
  return `blog/tags/${slug}/`;
}

/** Site-relative path of an author's page. */
export function authorPath(id: string): string {
  return `authors/${id}/`;
}
