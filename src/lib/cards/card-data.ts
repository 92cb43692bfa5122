import { formatPartialDate, formatPublicationDate } from "../format/format-date.ts";
import { countryName, label } from "../format/labels.ts";
import { formatNumber, formatPercent } from "../format/numbers.ts";
import { blockingDuration, describeDuration, incidentDuration, isInForce } from "../records/record-timing.ts";
import { requestTitle } from "../records/record-title.ts";
import type { PeriodReport, TransparencyReport } from "../report/transparency-report.ts";
import type { RequestFigures } from "../report/request-figures.ts";
import { protectSmallCount } from "../report/small-counts.ts";
import type { BlockingEvent } from "../schemas/blocking-event.ts";
import type { Author, Post } from "../schemas/content.ts";
import type { Incident } from "../schemas/incident.ts";
import type { Request } from "../schemas/request.ts";
import type { SiteConfig } from "../site/site-config-schema.ts";
import { countryPath, periodPath, postPath, recordPath } from "../site/paths.ts";
import { cardPathFor } from "./card-paths.ts";

/** The site as every card names it: its name and its host name. */
export interface CardSite {
  name: string;
  /** Host of the site's address, e.g. `transparency.velinmail.be`. */
  host: string;
}

/** A headline number: "1,234" over "requests received", with an optional note under it. */
export interface CardFigure {
  value: string;
  label: string;
  note?: string;
}

/** The home page: the site's name, description and headline numbers. */
export interface HomeCard {
  kind: "home";
  site: CardSite;
  title: string;
  description: string;
  figures: CardFigure[];
}

/** The transparency report overview (`/transparency/`) or one reporting period. */
export interface ReportCard {
  kind: "report" | "period";
  site: CardSite;
  title: string;
  description: string;
  figures: CardFigure[];
}

/** A country's page: requests from its authorities and blocking there. */
export interface CountryCard {
  kind: "country";
  site: CardSite;
  title: string;
  figures: CardFigure[];
}

/** A blog post. */
export interface PostCard {
  kind: "post";
  site: CardSite;
  title: string;
  description: string;
  /** Publication date in words. */
  date: string;
  /** Author names, in the post's order. */
  authors: string[];
}

/** A blocking event. */
export interface BlockingCard {
  kind: "blocking";
  site: CardSite;
  title: string;
  status: BlockingEvent["status"];
  country: string;
  /** "Since 1 March 2020", "1 March 2020 to June 2021" or "Started 2019" (status unknown). */
  dates: string;
  /** "Blocked for 2,214 days and counting", "Lasted for 12 to 40 days"; absent when it cannot be known. */
  duration?: string;
}

/** An incident. */
export interface IncidentCard {
  kind: "incident";
  site: CardSite;
  title: string;
  category: string;
  severity: Incident["severity"];
  resolved: boolean;
  /** When it started, in words. */
  started: string;
  /** "Open for 3 days and counting", "Lasted for 2 days". */
  duration: string;
}

/** A request (its page is `transparency/requests/<id>/`). */
export interface RequestCard {
  kind: "request";
  site: CardSite;
  id: string;
  /** Authority and country, e.g. "Parquet de Bruxelles, Belgium". */
  title: string;
  received: string;
  outcome: string;
  /** How many identical requests the record stands for, when more than one. */
  count?: string;
}

/** Everything one card shows. It is also the card's cache key, so it holds only what is drawn. */
export type CardData = HomeCard | ReportCard | CountryCard | PostCard | BlockingCard | IncidentCard | RequestCard;

/** The kinds of card. */
export type CardKind = CardData["kind"];

/** A card to render: the page it belongs to, its own path and what it shows. */
export interface CardEntry {
  /** Site-relative path of the page, e.g. `blocking/blk-ru-2020-smtp/` (`""` for the home page). */
  pagePath: string;
  /** Site-relative path of the card, e.g. `og/blocking/blk-ru-2020-smtp.png`. */
  cardPath: string;
  data: CardData;
}

/** The site settings and the moment cards are made for. */
export interface CardContext {
  site: Pick<SiteConfig, "name" | "description" | "url" | "language" | "organisation" | "report">;
  /** Build time (see `buildTime()`): durations of ongoing blocks and open incidents run to it. */
  now: Date;
}

/** The data cards are made from: `getSiteData()` fits, and so does a project read by `loadProject()` plus its report. */
export interface CardSource {
  requests: readonly { data: Request }[];
  blockingEvents: readonly { data: BlockingEvent }[];
  incidents: readonly { data: Incident }[];
  /** Posts that have a page (published ones, in a production build). */
  posts: readonly { id: string; data: Post }[];
  authors: readonly { id: string; data: Pick<Author, "name"> }[];
  report: TransparencyReport;
  /** Every country with a page, upper case. */
  countryCodes: readonly string[];
}

const cardSite = (context: CardContext): CardSite => ({
  name: context.site.name,
  host: new URL(context.site.url).host,
});

/** The three headline figures of a set of requests: received, disclosure rate, rejected. */
function requestFigures(figures: RequestFigures, locale: string): CardFigure[] {
  return [
    { value: formatNumber(figures.requests, locale), label: "requests received" },
    {
      value: formatPercent(figures.disclosureRate, locale),
      label: "with some data disclosed",
      note: `${formatNumber(figures.disclosing, locale)} of ${formatNumber(figures.decided, locale)} decided`,
    },
    { value: formatNumber(figures.outcome.rejected, locale), label: "rejected" },
  ];
}

/** The home page's card: site name and description, requests, blocking events (ongoing) and incidents (open), as on the page. */
export function homeCard(
  source: Pick<CardSource, "requests" | "blockingEvents" | "incidents">,
  context: CardContext,
): HomeCard {
  const n = (value: number) => formatNumber(value, context.site.language);
  const ongoing = source.blockingEvents.filter((event) => event.data.status === "ongoing").length;
  const open = source.incidents.filter((incident) => !incident.data.resolved).length;
  return {
    kind: "home",
    site: cardSite(context),
    title: context.site.name,
    description: context.site.description,
    figures: [
      {
        value: n(source.requests.reduce((sum, request) => sum + request.data.count, 0)),
        label: "requests from authorities",
      },
      { value: n(source.blockingEvents.length), label: "blocking events", note: `${n(ongoing)} ongoing` },
      { value: n(source.incidents.length), label: "incidents", note: `${n(open)} open` },
    ],
  };
}

/** The report overview's card: all-time figures since the first period. */
export function reportCard(report: TransparencyReport, context: CardContext): ReportCard {
  const first = report.periods[0]?.period;
  const since = first ? `, since the ${first.label.toLowerCase()}` : "";
  return {
    kind: "report",
    site: cardSite(context),
    title: "Transparency report",
    description: `Every request from the police, courts and other authorities to ${context.site.organisation.name}${since}.`,
    figures: requestFigures(report.allTime, context.site.language),
  };
}

/** A reporting period's card: its headline figures. */
export function periodCard(entry: PeriodReport, context: CardContext): ReportCard {
  return {
    kind: "period",
    site: cardSite(context),
    title: entry.period.label,
    description: `Requests received by ${context.site.organisation.name}.`,
    figures: requestFigures(entry.figures, context.site.language),
  };
}

/** A country's card: requests (small counts protected, as on the page), blocking events and blocks in force. */
export function countryCard(
  code: string,
  source: Pick<CardSource, "requests" | "blockingEvents">,
  context: CardContext,
): CountryCard {
  const locale = context.site.language;
  const requests = source.requests.filter((r) => r.data.country === code).reduce((sum, r) => sum + r.data.count, 0);
  const events = source.blockingEvents.filter((e) => e.data.country === code);
  return {
    kind: "country",
    site: cardSite(context),
    title: countryName(code, locale),
    figures: [
      {
        value: protectSmallCount(requests, context.site.report.smallCountThreshold, locale).text,
        label: "requests from authorities",
      },
      { value: formatNumber(events.length, locale), label: "blocking events" },
      { value: formatNumber(events.filter((e) => isInForce(e.data)).length, locale), label: "blocks in force" },
    ],
  };
}

/** A blog post's card: title, description, date and authors (by name; an unknown id is left out). */
export function postCard(
  post: { id: string; data: Post },
  authors: CardSource["authors"],
  context: CardContext,
): PostCard {
  return {
    kind: "post",
    site: cardSite(context),
    title: post.data.title,
    description: post.data.description,
    date: formatPublicationDate(post.data.date, context.site.language),
    authors: post.data.authors.flatMap((id) => authors.find((author) => author.id === id)?.data.name ?? []),
  };
}

/** A blocking event's card. "Since" and a running duration only for a block in force: "unknown" never reads as ongoing. */
export function blockingCard(event: BlockingEvent, context: CardContext): BlockingCard {
  const locale = context.site.language;
  const date = (d: BlockingEvent["started"]) => formatPartialDate(d, locale);
  const dates = event.ended
    ? `${date(event.started)} to ${date(event.ended)}`
    : isInForce(event)
      ? `Since ${date(event.started)}`
      : `Started ${date(event.started)}`;
  const duration = blockingDuration(event, context.now);
  return {
    kind: "blocking",
    site: cardSite(context),
    title: event.title,
    status: event.status,
    country: countryName(event.country, locale),
    dates,
    ...(duration && { duration: `${duration.running ? "Blocked" : "Lasted"} ${describeDuration(duration, locale)}` }),
  };
}

/** An incident's card: category, severity, open or resolved, and how long it lasted. */
export function incidentCard(incident: Incident, context: CardContext): IncidentCard {
  const locale = context.site.language;
  const duration = incidentDuration(incident, context.now);
  return {
    kind: "incident",
    site: cardSite(context),
    title: incident.title,
    category: label(incident.category),
    severity: incident.severity,
    resolved: incident.resolved !== undefined,
    started: formatPartialDate(incident.started, locale),
    duration: `${duration.running ? "Open" : "Lasted"} ${describeDuration(duration, locale)}`,
  };
}

/** A request's card: authority and country, date received and outcome. */
export function requestCard(request: Request, context: CardContext): RequestCard {
  const locale = context.site.language;
  return {
    kind: "request",
    site: cardSite(context),
    id: request.id,
    title: requestTitle(request, locale),
    received: formatPartialDate(request.received, locale),
    outcome: label(request.outcome),
    ...(request.count > 1 && { count: formatNumber(request.count, locale) }),
  };
}

/**
 * Every card of the site, one per page worth sharing: home, report overview, each period with
 * requests, country, post, blocking event, incident and request. The pages follow the routes in
 * `src/pages/` (a period page exists only for a period with records, as in `transparency/[period].astro`).
 */
export function listCards(source: CardSource, context: CardContext): CardEntry[] {
  const entry = (pagePath: string, data: CardData): CardEntry => ({ pagePath, cardPath: cardPathFor(pagePath), data });
  return [
    entry("", homeCard(source, context)),
    entry("transparency/", reportCard(source.report, context)),
    ...source.report.periods
      .filter((p) => p.figures.records > 0)
      .map((p) => entry(periodPath(p.period.key), periodCard(p, context))),
    ...source.countryCodes.map((code) => entry(countryPath(code), countryCard(code, source, context))),
    ...source.posts.map((post) => entry(postPath(post.id), postCard(post, source.authors, context))),
    ...source.blockingEvents.map((e) => entry(recordPath("blockingEvents", e.data.id), blockingCard(e.data, context))),
    ...source.incidents.map((i) => entry(recordPath("incidents", i.data.id), incidentCard(i.data, context))),
    ...source.requests.map((r) => entry(recordPath("requests", r.data.id), requestCard(r.data, context))),
  ];
}
