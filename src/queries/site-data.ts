import { getCollection, type CollectionEntry } from "astro:content";
import { mdxRecordReferences } from "../lib/content/check-mdx-body.ts";
import { isListed, postVisibility, publicationInstant, type PostVisibility } from "../lib/blog/publication.ts";
import { buildRelatedIndex, type RelationLink } from "../lib/relations/related-index.ts";
import { buildTime } from "../lib/site/build-time.ts";
import { buildTransparencyReport, type TransparencyReport } from "../lib/report/transparency-report.ts";
import site from "../site.config.ts";
import { recordCountries } from "../lib/records/record-countries.ts";
import { requestTitle } from "../lib/records/record-title.ts";
import { postPath, recordPath, type RecordKind } from "../lib/site/paths.ts";

/** Anything a page can link to as "related": a record or a post. */
export interface RelatedRef {
  key: string;
  kind: RecordKind | "posts";
  title: string;
  path: string;
}

/** A record of any kind, by id. */
export type AnyRecord =
  | { kind: "requests"; entry: CollectionEntry<"requests"> }
  | { kind: "blockingEvents"; entry: CollectionEntry<"blockingEvents"> }
  | { kind: "incidents"; entry: CollectionEntry<"incidents"> };

/** All collections, loaded once per build, with the both-ways related index. */
export interface SiteData {
  requests: CollectionEntry<"requests">[];
  blockingEvents: CollectionEntry<"blockingEvents">[];
  incidents: CollectionEntry<"incidents">[];
  /** Posts to list, newest first: published ones only, except under `astro dev`. */
  posts: CollectionEntry<"posts">[];
  /** Whether each post is published, scheduled or a draft (for the marks shown under `astro dev`). */
  postVisibility: (id: string) => PostVisibility;
  authors: CollectionEntry<"authors">[];
  pages: CollectionEntry<"pages">[];
  writeups: Map<string, CollectionEntry<"writeups">>;
  /** Related things of a record id or of `post:<slug>`. */
  relatedTo: (key: string) => RelatedRef[];
  /** The transparency report's figures per period, per country and for all time. */
  report: TransparencyReport;
  /** Any record by its id. */
  recordById: (id: string) => AnyRecord | undefined;
  /** Every country in any record (requests, blocking events), upper case, sorted. */
  countryCodes: string[];
}

/** Key of a post in the related index (posts and records share it, so posts are prefixed). */
export const postKey = (slug: string): string => `post:${slug}`;

async function loadSiteData(): Promise<SiteData> {
  const [requests, blockingEvents, incidents, allPosts, authors, pages, writeups] = await Promise.all([
    getCollection("requests"),
    getCollection("blockingEvents"),
    getCollection("incidents"),
    getCollection("posts"),
    getCollection("authors"),
    getCollection("pages"),
    getCollection("writeups"),
  ]);
  // Drafts and scheduled posts are previewed under `astro dev` (marked) and never published early.
  const now = buildTime();
  const mode = import.meta.env.DEV ? "development" : "production";
  const visibility = new Map(allPosts.map((post) => [post.id, postVisibility(post.data, now, site.timeZone)]));
  const posts = allPosts
    .filter((post) => isListed(visibility.get(post.id) ?? "draft", mode))
    .sort(
      (a, b) =>
        publicationInstant(b.data.date, site.timeZone).getTime() -
          publicationInstant(a.data.date, site.timeZone).getTime() || a.id.localeCompare(b.id),
    );
  const refs = new Map<string, RelatedRef>();
  for (const r of requests)
    refs.set(r.id, { key: r.id, kind: "requests", title: requestTitle(r.data), path: recordPath("requests", r.id) });
  for (const e of blockingEvents)
    refs.set(e.id, {
      key: e.id,
      kind: "blockingEvents",
      title: e.data.title,
      path: recordPath("blockingEvents", e.id),
    });
  for (const i of incidents)
    refs.set(i.id, { key: i.id, kind: "incidents", title: i.data.title, path: recordPath("incidents", i.id) });
  for (const p of posts)
    refs.set(postKey(p.id), { key: postKey(p.id), kind: "posts", title: p.data.title, path: postPath(p.id) });
  const links: RelationLink[] = [
    ...[...requests, ...blockingEvents, ...incidents].flatMap((r) => r.data.related.map((to) => ({ from: r.id, to }))),
    ...posts.flatMap((p) => p.data.related.map((to) => ({ from: postKey(p.id), to }))),
    // Records shown with <Record> or <Status> in MDX are related too, both ways.
    ...posts.flatMap((p) => mdxRecordReferences(p.body ?? "").map((to) => ({ from: postKey(p.id), to }))),
    ...writeups.flatMap((w) => mdxRecordReferences(w.body ?? "").map((to) => ({ from: w.id, to }))),
  ];
  const index = buildRelatedIndex(links);
  const records = new Map<string, AnyRecord>([
    ...requests.map((entry) => [entry.id, { kind: "requests", entry }] as const),
    ...blockingEvents.map((entry) => [entry.id, { kind: "blockingEvents", entry }] as const),
    ...incidents.map((entry) => [entry.id, { kind: "incidents", entry }] as const),
  ]);
  return {
    requests,
    blockingEvents,
    incidents,
    posts,
    postVisibility: (id) => visibility.get(id) ?? "draft",
    authors,
    pages,
    writeups: new Map(writeups.map((w) => [w.id, w])),
    relatedTo: (key) => (index.get(key) ?? []).flatMap((id) => refs.get(id) ?? []),
    recordById: (id) => records.get(id),
    countryCodes: recordCountries(requests, blockingEvents),
    report: buildTransparencyReport(
      requests.map((r) => r.data),
      site.report.period,
    ),
  };
}

let cached: Promise<SiteData> | undefined;

/** The site's data, loaded and indexed once per build and shared by every page. */
export function getSiteData(): Promise<SiteData> {
  // Under `astro dev` data changes while the server runs, so it is read afresh for each page.
  if (import.meta.env.DEV) return loadSiteData();
  cached ??= loadSiteData();
  return cached;
}
