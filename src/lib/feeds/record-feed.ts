import type { RSSFeedItem } from "@astrojs/rss";
import type { PartialDate } from "../fields/partial-date.ts";
import { formatPartialDate } from "../format/format-date.ts";
import { countryName, label } from "../format/labels.ts";
import { requestTitle } from "../records/record-title.ts";
import type { BlockingEvent } from "../schemas/blocking-event.ts";
import type { Incident } from "../schemas/incident.ts";
import type { Request } from "../schemas/request.ts";
import { recordPath } from "../site/paths.ts";

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

const latest = (dates: (PartialDate | undefined)[]): Date =>
  new Date(Math.max(...dates.filter((d): d is PartialDate => d !== undefined).map((d) => dateOf(d).getTime())));

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A blocking event as a feed item; updated when it ended or was last verified. */
export function blockingEventItem(event: BlockingEvent, locale = "en"): RecordFeedItem {
  const state = event.status === "unknown" ? "Status unknown" : label(event.status);
  const status = `${state} in ${countryName(event.country, locale)} since ${formatPartialDate(event.started, locale)}`;
  return {
    id: event.id,
    title: event.title,
    path: recordPath("blockingEvents", event.id),
    description: `${status}${event.ended ? `, until ${formatPartialDate(event.ended, locale)}` : ""}. ${event.summary}`,
    published: dateOf(event.started),
    updated: latest([event.started, event.ended, event.last_verified]),
  };
}

/** An incident as a feed item; updated when it was resolved. */
export function incidentItem(incident: Incident): RecordFeedItem {
  return {
    id: incident.id,
    title: incident.title,
    path: recordPath("incidents", incident.id),
    description: `${label(incident.category)}, ${label(incident.severity).toLowerCase()} severity, ${incident.resolved ? "resolved" : "still open"}. ${incident.summary}`,
    published: dateOf(incident.started),
    updated: latest([incident.started, incident.resolved]),
  };
}

/** A request as a feed item; updated when it was answered. */
export function requestItem(request: Request, locale = "en"): RecordFeedItem {
  return {
    id: request.id,
    title: `Request ${request.id}: ${requestTitle(request, locale)}`,
    path: recordPath("requests", request.id),
    description: `Received ${formatPartialDate(request.received, locale)}; outcome: ${label(request.outcome).toLowerCase()}.`,
    published: dateOf(request.received),
    updated: latest([request.received, request.responded]),
  };
}

/** Turns feed items, newest first, into @astrojs/rss items with the id as guid and an `<atom:updated>` date. */
export function toRssItems(items: readonly RecordFeedItem[]): RSSFeedItem[] {
  return [...items]
    .sort((a, b) => b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id))
    .map((item) => ({
      title: item.title,
      link: item.path,
      description: item.description,
      pubDate: item.published,
      customData: `<guid isPermaLink="false">${escapeXml(item.id)}</guid><atom:updated>${item.updated.toISOString()}</atom:updated>`,
    }));
}
