import { formatPartialDate, formatPublicationDate } from "../../format/format-date.ts";
import { englishTranslator } from "../../i18n/english.ts";
import { capitalise, label } from "../../format/labels.ts";
import { formatBand, formatNumber } from "../../format/numbers.ts";
import type { BlockingEventView, IncidentView, RequestView } from "../../model/record-views.ts";
import type { PostView } from "../../model/blog-model.ts";
import type { CountryView, HomeTotals, PeriodView } from "../../model/site-model.ts";
import type { PublishedRate } from "../../model/report/published-report.ts";
import { describeDuration } from "../../model/records/record-timing.ts";
import type { TransparencyReport } from "../../model/report/transparency-report.ts";
import type { RequestFigures } from "../../model/report/request-figures.ts";
import type { AllTimeRequests } from "../../model/report/all-time.ts";
import { ledgerRateText, publishedRateText, labelInSentence } from "../../model/report/rate-text.ts";
import type { BlockingEvent } from "../../contract/schemas/blocking-event.ts";
import type { Incident } from "../../contract/schemas/incident.ts";
import type { SiteConfig } from "../../contract/site-config-schema.ts";

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

/** A card to render: the page it belongs to, its own path and what it shows. */
export interface CardEntry {
  /** Site-relative path of the page, e.g. `blocking/blk-ru-2020-smtp/` (`""` for the home page). */
  pagePath: string;
  /** Site-relative path of the card, e.g. `og/blocking/blk-ru-2020-smtp.png`. */
  cardPath: string;
  data: CardData;
}

/** The site settings cards are made with (durations come worked out in the views, as of the build time). */
export interface CardContext {
  site: Pick<SiteConfig, "name" | "description" | "url" | "language" | "organisation" | "publishes">;
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
      value: ledgerRateText(figures, locale),
      label: "with some data disclosed",
      note: `${formatNumber(figures.disclosing, locale)} of ${formatNumber(figures.decided, locale)} decided`,
    },
    { value: formatNumber(figures.outcome.rejected, locale), label: "rejected" },
  ];
}

/** The home page's card: site name and description, requests, blocking events (in force) and incidents (open) as far as the site publishes them, as on the page. */
export function homeCard(home: HomeTotals, context: CardContext): HomeCard {
  const n = (value: number) => formatNumber(value, context.site.language);
  const { requests, blockingEvents, incidents } = context.site.publishes;
  return {
    kind: "home",
    site: cardSite(context),
    title: context.site.name,
    description: context.site.description,
    // A kind the site does not publish has no figure: not a zero.
    figures: [
      ...(requests
        ? [{ value: formatBand(home.requests.value, context.site.language), label: "requests from authorities" }]
        : []),
      ...(blockingEvents
        ? [{ value: n(home.blockingEvents), label: "blocking events", note: `${n(home.blocksInForce)} in force` }]
        : []),
      ...(incidents ? [{ value: n(home.incidents), label: "incidents", note: `${n(home.openIncidents)} open` }] : []),
    ],
  };
}

/**
 * The report overview's card: requests received over all time (the ledger's and the published periods',
 * as on the page), and the ledger's disclosure rate and rejections, said to cover the ledger's periods.
 */
export function reportCard(report: TransparencyReport, allTime: AllTimeRequests, context: CardContext): ReportCard {
  const locale = context.site.language;
  const first = report.periods[0]?.period;
  const earliest = allTime.published[0]?.label ?? first?.label;
  const since = earliest ? `, since ${labelInSentence(earliest)}` : "";
  const [, ...ledger] = requestFigures(report.allTime, locale);
  const ledgerOnly =
    first && allTime.published.length > 0
      ? ` Rate and rejections: our ledger, since ${labelInSentence(first.label)}.`
      : "";
  return {
    kind: "report",
    site: cardSite(context),
    title: "Transparency report",
    description: `Every request from the police, courts and other authorities to ${context.site.organisation.name}${since}.${ledgerOnly}`,
    figures: [{ value: formatBand(allTime.value, locale), label: "requests received" }, ...(first ? ledger : [])],
  };
}

/** A reporting period's card: its headline figures. */
export function periodCard(period: PeriodView, context: CardContext): ReportCard {
  const locale = context.site.language;
  const published = period.published?.totalRequests;
  return {
    kind: "period",
    site: cardSite(context),
    title: period.label,
    description: `Requests received by ${context.site.organisation.name}.`,
    figures: period.entry
      ? requestFigures(period.entry.figures, locale)
      : [
          ...(published ? [{ value: formatBand(published.value, locale), label: "requests received" }] : []),
          ...publishedRateFigure(period.published?.organisation?.disclosureRate, locale),
        ],
  };
}

/** The disclosure rate of a published statement, where the published outcomes give one. */
function publishedRateFigure(rate: PublishedRate | undefined, locale: string): CardFigure[] {
  // A card shows what a report gives: no figure where outcomes are not published (the page says why).
  if (rate === undefined || rate.state === "not-published") return [];
  const n = (value: number) => formatNumber(value, locale);
  const note =
    rate.state === "computed" ? `${n(rate.numerator)} of ${n(rate.denominator)} decided` : `${n(rate.decided)} decided`;
  return [{ value: publishedRateText(rate, locale), label: "with data handed over", note }];
}

/** A country's card: requests published under its name (as on the page), blocking events and blocks in force. */
export function countryCard(country: CountryView, context: CardContext): CountryCard {
  const locale = context.site.language;
  // A kind the site does not publish has no figure: not a zero.
  const { requests, blockingEvents } = context.site.publishes;
  return {
    kind: "country",
    site: cardSite(context),
    title: country.name,
    figures: [
      // A country only published reports name has no ledger count to show: not a zero.
      ...(requests && (country.requests.length > 0 || country.published.length === 0)
        ? [{ value: country.requestCount, label: "requests from authorities" }]
        : []),
      ...(blockingEvents
        ? [
            { value: formatNumber(country.blockingEvents.length, locale), label: "blocking events" },
            { value: formatNumber(country.inForce.length, locale), label: "blocks in force" },
          ]
        : []),
    ],
  };
}

/** A blog post's card: title, description, date and authors by name. */
export function postCard(post: PostView, context: CardContext): PostCard {
  return {
    kind: "post",
    site: cardSite(context),
    title: post.data.title,
    description: post.data.description,
    date: formatPublicationDate(post.data.date, context.site.language),
    authors: post.authors.map((author) => author.data.name),
  };
}

/** A blocking event's card: its status and dates in the words every page uses. */
export function blockingCard(event: BlockingEventView, context: CardContext): BlockingCard {
  const { duration } = event;
  return {
    kind: "blocking",
    site: cardSite(context),
    title: event.title,
    status: event.data.status,
    country: event.countryName,
    dates: capitalise(event.dates),
    ...(duration && {
      duration: `${duration.running ? "Blocked" : "Lasted"} ${describeDuration(duration, englishTranslator(context.site.language))}`,
    }),
  };
}

/** An incident's card: category, severity, open or resolved, and how long it lasted. */
export function incidentCard(incident: IncidentView, context: CardContext): IncidentCard {
  const locale = context.site.language;
  const { duration } = incident;
  return {
    kind: "incident",
    site: cardSite(context),
    title: incident.title,
    category: label(incident.data.category),
    severity: incident.data.severity,
    resolved: !incident.open,
    started: formatPartialDate(incident.data.started, locale),
    duration: `${duration.running ? "Open" : "Lasted"} ${describeDuration(duration, englishTranslator(locale))}`,
  };
}

/** A request's card: authority and country, date received and outcome. */
export function requestCard(request: RequestView, context: CardContext): RequestCard {
  const locale = context.site.language;
  const r = request.data;
  return {
    kind: "request",
    site: cardSite(context),
    id: r.id,
    title: request.title,
    received: formatPartialDate(r.received, locale),
    outcome: label(r.outcome),
    ...(r.count > 1 && { count: formatNumber(r.count, locale) }),
  };
}
