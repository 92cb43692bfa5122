import type { RSSFeedItem } from "@astrojs/rss";
import type { PartialDate } from "../../contract/fields/partial-date.ts";
import { formatPartialDate } from "../../format/format-date.ts";
import { label } from "../../format/labels.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import type { BlockingEventView, IncidentView, RequestView } from "../../model/record-views.ts";

/** The Atom namespace, for `<atom:updated>` and the feed's self link. */
export const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

/** A record as a feed item: a stable guid (the id), dates, and a site-relative link. */
export interface RecordFeedItem {
  id: string;
  title: string;
  /** Site-relative path of the record's page. */
  path: string;
  description: string;
  published: Date;
  updated: Date;
}

/** The first moment a published date stands for (its instant, or midnight UTC of its first day). */
export function dateOf(date: PartialDate): Date {
  return new Date(date.instant ?? `${date.start}T00:00:00Z`);
}

/** The latest of a record's first release and its own dates: an item is never updated before it was published. */
const latest = (released: Date, dates: (PartialDate | undefined)[]): Date =>
  new Date(
    Math.max(
      released.getTime(),
      ...dates.filter((d): d is PartialDate => d !== undefined).map((d) => dateOf(d).getTime()),
    ),
  );

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Plain text as a feed item's description. Feed readers read an RSS description as HTML, so `&`, `<` and
 * `>` are escaped first: `<img src=x onerror=alert(1)>` in a summary is shown as those characters, never
 * loaded or run. (The XML writer then escapes the result once more, as it does any text.)
 */
export const feedText = escapeXml;

/*
 * A record's feed item is published when the record first was (`released`: the day of the first release
 * that holds it, or the build time for one in no release yet), not when its event happened: a block of
 * 2019 added today is news today. The event's dates stay in the description.
 */

/** A blocking event as a feed item in the translator's language, its status in the site model's words; updated when it ended or was last verified. */
export function blockingEventItem(event: BlockingEventView, released: Date, translator: Translator): RecordFeedItem {
  const e = event.data;
  return {
    id: e.id,
    title: event.title,
    path: event.path,
    description: translator.t("feeds.item.blocking", {
      status: event.status.text,
      country: event.countryName,
      dates: event.dates,
      summary: e.summary,
    }),
    published: released,
    updated: latest(released, [e.started, e.ended, e.last_verified]),
  };
}

/** An incident as a feed item in the translator's language, with its dates; updated when it was resolved. */
export function incidentItem(incident: IncidentView, released: Date, translator: Translator): RecordFeedItem {
  const i = incident.data;
  const lower = (text: string): string => text.toLocaleLowerCase(translator.language.tag);
  return {
    id: i.id,
    title: incident.title,
    path: incident.path,
    description: translator.t("feeds.item.incident", {
      category: label(i.category, translator),
      severity: lower(label(i.severity, translator)),
      status: lower(incident.status.text),
      dates: incident.dates,
      summary: i.summary,
    }),
    published: released,
    updated: latest(released, [i.started, i.resolved]),
  };
}

/** A request as a feed item in the translator's language, with the date it was received; updated when it was answered. */
export function requestItem(request: RequestView, released: Date, translator: Translator): RecordFeedItem {
  const r = request.data;
  return {
    id: r.id,
    title: translator.t("feeds.item.requestTitle", { id: r.id, title: request.title }),
    path: request.path,
    description: translator.t("feeds.item.request", {
      date: formatPartialDate(r.received, translator),
      outcome: label(r.outcome, translator).toLocaleLowerCase(translator.language.tag),
    }),
    published: released,
    updated: latest(released, [r.received, r.responded]),
  };
}

/** Turns feed items, newest first, into @astrojs/rss items with the id as guid and an `<atom:updated>` date. */
export function toRssItems(items: readonly RecordFeedItem[]): RSSFeedItem[] {
  return [...items]
    .sort((a, b) => b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id))
    .map((item) => ({
      title: item.title,
      link: item.path,
      description: feedText(item.description),
      pubDate: item.published,
      customData: `<guid isPermaLink="false">${escapeXml(item.id)}</guid><atom:updated>${item.updated.toISOString()}</atom:updated>`,
    }));
}
