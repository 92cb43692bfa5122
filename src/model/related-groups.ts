import type { RecordKind } from "./paths.ts";

/** Anything a page can link to as "related": a record or a post, with its date and state in words. */
export interface RelatedRef {
  key: string;
  kind: RecordKind | "posts";
  title: string;
  /**
   * The language the title is written in (as the config spells it): a record's or post's own text, in its
   * translation's language or else the main language's; the page's for a title made from its words (a request's).
   */
  titleLanguage: string;
  /** Free text the title holds in another language than the title's own (a request's authority), and its language. */
  inner?: { text: string; language: string } | undefined;
  path: string;
  /** When, in words: "12 March 2020", "since 4 March 2020". */
  date: string;
  /** Its start as an ISO date (or its first day), to put it in time order. */
  sortDate: string;
  /** Its outcome or status in words ("Refused", "Ongoing"); empty for a post. */
  state: string;
}

/** Related things of one kind with the same title (seven requests of one authority and country), or a single one. */
export interface RelatedGroup {
  kind: RelatedRef["kind"];
  title: string;
  /** The language of the title, as `RelatedRef.titleLanguage`. */
  titleLanguage: string;
  /** The free text the title holds, as `RelatedRef.inner`. */
  inner?: { text: string; language: string } | undefined;
  /** Newest first; at least one. */
  items: RelatedRef[];
}

/** The order kinds are listed in: what a reader is most likely to want first. */
const KIND_ORDER: readonly RelatedRef["kind"][] = ["posts", "blockingEvents", "incidents", "requests"];

/**
 * Related things grouped for a "Related" list: by kind (posts, blocking events, incidents, requests), then
 * those of a kind with the same title in one group, so a list never repeats "Request: Roskomnadzor, Russia"
 * seven times. Groups keep the order of their newest item, newest first; items are newest first.
 */
export function groupRelated(refs: readonly RelatedRef[]): RelatedGroup[] {
  const newest = [...refs].sort((a, b) => b.sortDate.localeCompare(a.sortDate) || a.key.localeCompare(b.key));
  const groups = new Map<string, RelatedGroup>();
  for (const ref of newest) {
    const id = `${ref.kind}\u0000${ref.title}`;
    const group = groups.get(id);
    if (group) group.items.push(ref);
    else
      groups.set(id, {
        kind: ref.kind,
        title: ref.title,
        titleLanguage: ref.titleLanguage,
        inner: ref.inner,
        items: [ref],
      });
  }
  return [...groups.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}
