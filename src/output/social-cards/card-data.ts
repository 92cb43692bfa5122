import { formatPartialDate, formatPublicationDate } from "../../format/format-date.ts";
import { capitalise, label } from "../../format/labels.ts";
import type { Translator } from "../../i18n/dictionary.ts";
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

/** A label and its value, one line of a record's card: "Country" and "Russia". */
export interface CardFact {
  label: string;
  value: string;
}

/*
 * Every word a card draws is in its data, in the page's language: the template only lays them out, and the card
 * cache, which keys on the data, draws a card again when its words change, and once for languages whose cards
 * read the same.
 */

/** The transparency report overview (`/transparency/`) or one reporting period. */
export interface ReportCard {
  kind: "report" | "period";
  site: CardSite;
  /** The small heading above the title: "All time", "Transparency report". */
  eyebrow: string;
  title: string;
  description: string;
  figures: CardFigure[];
}

/** A country's page: requests from its authorities and blocking there. */
export interface CountryCard {
  kind: "country";
  site: CardSite;
  eyebrow: string;
  title: string;
  figures: CardFigure[];
}

/** A blog post. */
export interface PostCard {
  kind: "post";
  site: CardSite;
  eyebrow: string;
  title: string;
  description: string;
  /** Publication date in words, and its authors by name in the post's order when it names any. */
  byline: string;
}

/** A blocking event: its status as a badge, then its country, dates and duration as facts. */
export interface BlockingCard {
  kind: "blocking";
  site: CardSite;
  eyebrow: string;
  /** The status, for the badge's colour; `badge` says it in words. */
  status: BlockingEvent["status"];
  badge: string;
  title: string;
  /** Country, dates ("Since 1 March 2020", "Started 2019"), and the duration when it can be known. */
  facts: CardFact[];
}

/** An incident: open or resolved as a badge, then its severity, start and duration as facts. */
export interface IncidentCard {
  kind: "incident";
  site: CardSite;
  /** "Incident · Abuse". */
  eyebrow: string;
  /** Whether it is resolved, for the badge's colour; `badge` says it in words. */
  resolved: boolean;
  badge: string;
  title: string;
  facts: CardFact[];
}

/** A request (its page is `transparency/requests/<id>/`). */
export interface RequestCard {
  kind: "request";
  site: CardSite;
  /** "Request req-2024-007". */
  eyebrow: string;
  /** Authority and country, e.g. "Parquet de Bruxelles, Belgium". */
  title: string;
  /** Received, outcome, and how many identical requests the record stands for when more than one. */
  facts: CardFact[];
}

/** Everything one card shows. It is also the card's cache key, so it holds only what is drawn. */
export type CardData = HomeCard | ReportCard | CountryCard | PostCard | BlockingCard | IncidentCard | RequestCard;

/** A card to render: the page it belongs to, its own path, what it shows and its text alternative. */
export interface CardEntry {
  /** Site-relative path of the page, e.g. `blocking/blk-ru-2020-smtp/` (`""` for the home page). */
  pagePath: string;
  /** Site-relative path of the card, e.g. `og/blocking/blk-ru-2020-smtp.png`. */
  cardPath: string;
  data: CardData;
  /** The card described in words for `og:image:alt`, in the card's language (`cardAlt`). */
  alt: string;
}

/**
 * What cards are made with: the site's settings (`language` the page's), and the words of that language (durations
 * come worked out in the views, as of the build time).
 */
export interface CardContext {
  site: Pick<SiteConfig, "name" | "description" | "url" | "language" | "organisation" | "publishes">;
  translator: Translator;
}

const cardSite = (context: CardContext): CardSite => ({
  name: context.site.name,
  host: new URL(context.site.url).host,
});

/** The three headline figures of a set of requests: received, disclosure rate, rejected. */
function requestFigures(figures: RequestFigures, { t, language }: Translator): CardFigure[] {
  const locale = language.tag;
  return [
    { value: formatNumber(figures.requests, locale), label: t("cards.figure.requestsReceived") },
    {
      value: ledgerRateText(figures, locale),
      label: t("cards.figure.withDataDisclosed"),
      note: t("cards.figure.decidedOf", {
        disclosing: formatNumber(figures.disclosing, locale),
        decided: formatNumber(figures.decided, locale),
      }),
    },
    { value: formatNumber(figures.outcome.rejected, locale), label: t("cards.figure.rejected") },
  ];
}

/** The home page's card: site name and description, requests, blocking events (in force) and incidents (open) as far as the site publishes them, as on the page. */
export function homeCard(home: HomeTotals, context: CardContext): HomeCard {
  const { t } = context.translator;
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
        ? [
            {
              value: formatBand(home.requests.value, context.site.language),
              label: t("cards.figure.requestsFromAuthorities"),
            },
          ]
        : []),
      ...(blockingEvents
        ? [
            {
              value: n(home.blockingEvents),
              label: t("cards.figure.blockingEvents"),
              note: t("cards.figure.inForce", { count: n(home.blocksInForce) }),
            },
          ]
        : []),
      ...(incidents
        ? [
            {
              value: n(home.incidents),
              label: t("cards.figure.incidents"),
              note: t("cards.figure.open", { count: n(home.openIncidents) }),
            },
          ]
        : []),
    ],
  };
}

/**
 * The report overview's card: requests received over all time (the ledger's and the published periods',
 * as on the page), and the ledger's disclosure rate and rejections, said to cover the ledger's periods.
 */
export function reportCard(report: TransparencyReport, allTime: AllTimeRequests, context: CardContext): ReportCard {
  const { t } = context.translator;
  const locale = context.site.language;
  const organisation = context.site.organisation.name;
  const first = report.periods[0]?.period;
  const earliest = allTime.published[0]?.label ?? first?.label;
  const [, ...ledger] = requestFigures(report.allTime, context.translator);
  const description = earliest
    ? t("cards.report.descriptionSince", { organisation, period: labelInSentence(earliest) })
    : t("cards.report.description", { organisation });
  // Two sentences, each a message of its own: the second only when published figures reach further back.
  const ledgerOnly =
    first && allTime.published.length > 0
      ? ` ${t("cards.report.ledgerSince", { period: labelInSentence(first.label) })}`
      : "";
  return {
    kind: "report",
    site: cardSite(context),
    eyebrow: t("cards.eyebrow.allTime"),
    title: t("cards.report.title"),
    description: `${description}${ledgerOnly}`,
    figures: [
      { value: formatBand(allTime.value, locale), label: t("cards.figure.requestsReceived") },
      ...(first ? ledger : []),
    ],
  };
}

/** A reporting period's card: its headline figures. */
export function periodCard(period: PeriodView, context: CardContext): ReportCard {
  const { t } = context.translator;
  const locale = context.site.language;
  const published = period.published?.totalRequests;
  return {
    kind: "period",
    site: cardSite(context),
    eyebrow: t("cards.eyebrow.report"),
    title: period.label,
    description: t("cards.period.description", { organisation: context.site.organisation.name }),
    figures: period.entry
      ? requestFigures(period.entry.figures, context.translator)
      : [
          ...(published
            ? [{ value: formatBand(published.value, locale), label: t("cards.figure.requestsReceived") }]
            : []),
          ...publishedRateFigure(period.published?.organisation?.disclosureRate, context.translator),
        ],
  };
}

/** The disclosure rate of a published statement, where the published outcomes give one. */
function publishedRateFigure(rate: PublishedRate | undefined, { t, language }: Translator): CardFigure[] {
  // A card shows what a report gives: no figure where outcomes are not published (the page says why).
  if (rate === undefined || rate.state === "not-published") return [];
  const n = (value: number) => formatNumber(value, language.tag);
  const note =
    rate.state === "computed"
      ? t("cards.figure.decidedOf", { disclosing: n(rate.numerator), decided: n(rate.denominator) })
      : t("cards.figure.decided", { decided: n(rate.decided) });
  return [{ value: publishedRateText(rate, language.tag), label: t("cards.figure.withDataHandedOver"), note }];
}

/** A country's card: requests published under its name (as on the page), blocking events and blocks in force. */
export function countryCard(country: CountryView, context: CardContext): CountryCard {
  const { t } = context.translator;
  const locale = context.site.language;
  // A kind the site does not publish has no figure: not a zero.
  const { requests, blockingEvents } = context.site.publishes;
  return {
    kind: "country",
    site: cardSite(context),
    eyebrow: t("cards.eyebrow.country"),
    title: country.name,
    figures: [
      // A country only published reports name has no ledger count to show: not a zero.
      ...(requests && (country.requests.length > 0 || country.published.length === 0)
        ? [{ value: country.requestCount, label: t("cards.figure.requestsFromAuthorities") }]
        : []),
      ...(blockingEvents
        ? [
            { value: formatNumber(country.blockingEvents.length, locale), label: t("cards.figure.blockingEvents") },
            { value: formatNumber(country.inForce.length, locale), label: t("cards.figure.blocksInForce") },
          ]
        : []),
    ],
  };
}

/** A blog post's card: title, description, date and authors by name. */
export function postCard(post: PostView, context: CardContext): PostCard {
  const { t, language } = context.translator;
  const date = formatPublicationDate(post.data.date, context.site.language);
  const authors = post.authors.map((author) => author.data.name);
  return {
    kind: "post",
    site: cardSite(context),
    eyebrow: t("cards.eyebrow.blog"),
    title: post.data.title,
    description: post.data.description,
    byline:
      authors.length > 0
        ? t("cards.post.byline", {
            date,
            authors: new Intl.ListFormat(language.tag, { style: "short", type: "unit" }).format(authors),
          })
        : date,
  };
}

/** A blocking event's card: its status and dates in the words every page uses. */
export function blockingCard(event: BlockingEventView, context: CardContext): BlockingCard {
  const { t } = context.translator;
  const { duration } = event;
  return {
    kind: "blocking",
    site: cardSite(context),
    eyebrow: t("cards.eyebrow.blocking"),
    status: event.data.status,
    badge: event.status.text,
    title: event.title,
    facts: [
      { label: t("cards.fact.country"), value: event.countryName },
      { label: t("cards.fact.dates"), value: capitalise(event.dates) },
      ...(duration
        ? [{ label: t("cards.fact.duration"), value: capitalise(describeDuration(duration, context.translator)) }]
        : []),
    ],
  };
}

/** An incident's card: category, severity, open or resolved, and how long it lasted. */
export function incidentCard(incident: IncidentView, context: CardContext): IncidentCard {
  const { translator } = context;
  const { t } = translator;
  return {
    kind: "incident",
    site: cardSite(context),
    eyebrow: t("cards.eyebrow.incident", { category: label(incident.data.category, translator) }),
    resolved: !incident.open,
    badge: incident.status.text,
    title: incident.title,
    facts: [
      { label: t("cards.fact.severity"), value: label(incident.data.severity, translator) },
      { label: t("cards.fact.started"), value: formatPartialDate(incident.data.started, translator) },
      { label: t("cards.fact.duration"), value: capitalise(describeDuration(incident.duration, translator)) },
    ],
  };
}

/** A request's card: authority and country, date received and outcome. */
export function requestCard(request: RequestView, context: CardContext): RequestCard {
  const { translator } = context;
  const { t } = translator;
  const locale = context.site.language;
  const r = request.data;
  return {
    kind: "request",
    site: cardSite(context),
    eyebrow: t("cards.eyebrow.request", { id: r.id }),
    title: request.title,
    facts: [
      { label: t("cards.fact.received"), value: formatPartialDate(r.received, translator) },
      { label: t("cards.fact.outcome"), value: label(r.outcome, translator) },
      ...(r.count > 1 ? [{ label: t("cards.fact.requests"), value: formatNumber(r.count, locale) }] : []),
    ],
  };
}

/** A sentence describing a card for `og:image:alt`, in the translator's language: "Card: Blocking event, Ongoing: Velin Mail blocked in Russia". */
export function cardAlt(data: CardData, { t }: Translator): string {
  const heading = ["eyebrow" in data ? data.eyebrow : undefined, "badge" in data ? data.badge : undefined].filter(
    Boolean,
  );
  return heading.length > 0
    ? t("cards.alt.heading", { heading: heading.join(", "), title: data.title })
    : t("cards.alt.title", { title: data.title });
}
