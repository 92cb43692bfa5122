import { countryName, label } from "../format/labels.ts";
import { formatPartialDate, formatPublicationDate } from "../format/format-date.ts";
import type { RelatedRef } from "./related-groups.ts";
import { bannerEvents } from "./records/blocking-banner.ts";
import { recordCountries } from "./records/record-countries.ts";
import { queryFigure, type FigureQuery, type FigureResult } from "./report/figure-query.ts";
import { maskSmallCounts, namedCountryCount, withheldWords } from "./report/small-count-mask.ts";
import type { RequestFigures } from "./report/request-figures.ts";
import { buildTransparencyReport, type PeriodReport, type TransparencyReport } from "./report/transparency-report.ts";
import { buildRelatedIndex, type RelationLink } from "./related-index.ts";
import type { BlockingEvent } from "../contract/schemas/blocking-event.ts";
import type { Author, Page, Post, VerifiedCanary, Writeup } from "../contract/schemas/content.ts";
import { canaryView, type CanaryView } from "./canary-view.ts";
import type { Incident } from "../contract/schemas/incident.ts";
import type { Request } from "../contract/schemas/request.ts";
import type { Figure } from "../contract/schemas/figure.ts";
import { allTimeRequests, type AllTimeRequests } from "./report/all-time.ts";
import { reportPeriodRows, type ReportPeriodRow } from "./report/period-rows.ts";
import {
  publishedCountryCodes,
  publishedCountryFigures,
  type PublishedCountryFigure,
} from "./report/published-countries.ts";
import { buildPublishedReport, type PublishedPeriodReport, type PublishedReport } from "./report/published-report.ts";
import { countryPath } from "./paths.ts";
import type { Correction } from "../contract/schemas/correction.ts";
import { buildReleasesModel, figureRef, type ReleaseKeys, type ReleasesModel } from "./corrections-model.ts";
import { reportDue, reportDueSettings, type ReportDue } from "./report/report-due.ts";
import type { SiteConfig } from "../contract/site-config-schema.ts";
import { buildBlogModel, type BlogModel, type ContentItem } from "./blog-model.ts";
import { inLanguage, type ContentText } from "./content-language.ts";
import { requestAuthority } from "./record-views.ts";
import { recordInLanguage, type WithTranslations } from "./records/record-text.ts";
import { requestSpec } from "../contract/schemas/request.ts";
import { blockingEventSpec } from "../contract/schemas/blocking-event.ts";
import { incidentSpec } from "../contract/schemas/incident.ts";
import {
  blockingEventView,
  incidentView,
  newestFirst,
  requestView,
  type BlockingEventView,
  type IncidentView,
  type RecordView,
  type RequestView,
} from "./record-views.ts";

/** Everything the site is built from: the validated project, the site config and the build time. */
export interface SiteModelInput {
  /** The site's config, with `language` the language the model's words are in. */
  site: SiteConfig;
  /**
   * The site's main language, the one data/ and content/ are written in (their translations aside): `site.language`
   * when left out. A page in another language shows a text's translation into it, when there is one.
   */
  mainLanguage?: string | undefined;
  /** The words of `site.language` (English when left out, as in tests and tools that run without the site's languages). */
  translator?: Translator | undefined;
  /** The moment the site is built for (`buildTime()`): what is in force or open, and durations, are as of then. */
  now: Date;
  /** `development` under `astro dev`, where drafts and scheduled posts are listed (and marked). */
  mode: "production" | "development";
  /** Requests, blocking events and incidents, each with its free-text columns in other languages when it has any. */
  requests: readonly WithTranslations<Request>[];
  /** Published figures (data/figures.csv). */
  figures: readonly Figure[];
  blockingEvents: readonly WithTranslations<BlockingEvent>[];
  incidents: readonly WithTranslations<Incident>[];
  posts: readonly ContentItem<Post>[];
  authors: readonly ContentItem<Author>[];
  pages: readonly ContentItem<Page>[];
  writeups: readonly ContentItem<Writeup>[];
  /** The warrant canary, verified by the load step; undefined when the site has none. */
  canary?: VerifiedCanary | undefined;
  /** Changes to released records and figures (data/corrections.csv), in the file's order; none when left out. */
  corrections?: readonly Correction[];
  /** The dataset releases, oldest first, with the keys each holds; none when left out. */
  releases?: readonly ReleaseKeys[];
}

import type { Translator } from "../i18n/dictionary.ts";
import { englishTranslator } from "../i18n/english.ts";

export type { RelatedRef } from "./related-groups.ts";

/** A country named by any record: its requests, its blocking and the incidents linked to either. */
export interface CountryView {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  name: string;
  path: string;
  /** Its requests published under its name (not those published as "Other countries"), newest first. */
  requests: RequestView[];
  /** The report's figures for those requests; undefined when it has none. */
  figures: RequestFigures | undefined;
  /** Requests published under its name (rows weighted by `count`) in words: "at least 12" under small-count protection. */
  requestCount: string;
  /** Its blocking events, newest first. */
  blockingEvents: BlockingEventView[];
  /** Those in force. */
  inForce: BlockingEventView[];
  /** Incidents linked to its requests or blocking events, newest first. */
  incidents: IncidentView[];
  /** What published reports printed for it (a `country` category), chronological, exactly as printed. */
  published: PublishedCountryFigure[];
}

/** A period as other pages link to it. */
export interface PeriodLink {
  /** URL-safe key: `2024-h1`, `2024`, `2024-q3`, `2017-withheld`. */
  key: string;
  label: string;
  path: string;
}

/**
 * A period with a page: a reporting period with requests in the ledger, a period a published report
 * covers, or both (they then agree on every published number: validation reconciles them).
 */
export interface PeriodView extends PeriodLink {
  /** The ledger's figures for it; undefined when the ledger has no request in it. */
  entry: PeriodReport | undefined;
  /** Its requests in the ledger, newest first. */
  requests: RequestView[];
  /** What reports published for it; undefined when no figure covers it exactly. */
  published: PublishedPeriodReport | undefined;
  previous: PeriodLink | undefined;
  next: PeriodLink | undefined;
}

/** The counts the home page (and its card) give. */
export interface HomeTotals {
  /** Requests received, all time: the ledger's and published periods' (see `allTimeRequests`). */
  requests: AllTimeRequests;
  blockingEvents: number;
  blocksInForce: number;
  incidents: number;
  openIncidents: number;
}

/** The one answer to every question a page, card, feed or download asks of the data. */
export interface SiteModel {
  site: SiteConfig;
  now: Date;
  mode: SiteModelInput["mode"];
  /**
   * Requests as published, newest first: a country with fewer than `report.smallCountThreshold` requests
   * in a reporting period has its rows there published as "Other countries" (see small-count-mask.ts).
   */
  requests: RequestView[];
  blockingEvents: {
    /** Every blocking event, newest first. */
    all: BlockingEventView[];
    /** In force now, newest first: the one set every "blocked now" names. */
    inForce: BlockingEventView[];
    /** Those of `inForce` that the site-wide banner names (a core service's target; none when the banner is off). */
    banner: BlockingEventView[];
    /** Countries with blocking, by name, each with its events newest first. */
    byCountry: CountryView[];
  };
  incidents: {
    /** Every incident, newest first. */
    all: IncidentView[];
    /** Open now, newest first: the one set every "open now" names. */
    open: IncidentView[];
    /** Every incident, open or resolved, by the year it started, newest year first: the history. */
    byYear: [year: string, incidents: IncidentView[]][];
  };
  report: TransparencyReport;
  /** When the next report is due and whether it is late (`report.nextDue`); undefined without one or without requests published. */
  reportDue: ReportDue | undefined;
  /** Published figures per period: the other half of the report, beside the ledger. */
  published: PublishedReport;
  /** Every published figure, in the order of data/figures.csv (for the downloads). */
  figures: readonly Figure[];
  /** Periods with a page (ledger requests or published figures), in chronological order. */
  periods: PeriodView[];
  /** The report overview's periods: the ledger's span and every published period, chronological. */
  periodRows: ReportPeriodRow[];
  /** Every country named by a request, a blocking event or a published figure, by name in the site's language. */
  countries: CountryView[];
  home: HomeTotals;
  blog: BlogModel;
  /** Ids of records with a write-up (`content/records/<id>.mdx`). */
  writeupIds: ReadonlySet<string>;
  /** Which text of a record's write-up the page shows (its translation into the page's language, or the original). */
  writeupText: (id: string) => ContentText | undefined;
  /** The warrant canary, when the site publishes one. */
  canary: CanaryView | undefined;
  /** The dataset releases and the corrections of released data; first-release days of records, for feeds. */
  releases: ReleasesModel;
  /** Any record by id. */
  record: (id: string) => RecordView | undefined;
  /** Related things of a record id or of `post:<slug>`, both ways, sorted by key. */
  related: (key: string) => RelatedRef[];
  /** One report figure for `<Figure>`, linked to the page where it can be checked. */
  figure: (query: FigureQuery) => FigureResult;
}

/**
 * Every period with a page, in the report's order (`reportPeriodRows`: the ledger's periods with requests
 * and the periods of published figures, one per key), with its ledger requests and its neighbours.
 */
function periodViews(rows: readonly ReportPeriodRow[], requests: RequestView[]): PeriodView[] {
  const paged = rows.flatMap((row) => (row.path === undefined ? [] : [{ ...row, path: row.path }]));
  const link = (row: (typeof paged)[number] | undefined): PeriodLink | undefined =>
    row && { key: row.key, label: row.label, path: row.path };
  return paged.map((row, i) => {
    // A ledger period of the ledger's span with no request in it has no ledger figures to show.
    const entry = row.ledger && row.ledger.figures.records > 0 ? row.ledger : undefined;
    const ids = new Set(entry?.requestIds);
    return {
      key: row.key,
      label: row.label,
      path: row.path,
      entry,
      requests: requests.filter((r) => ids.has(r.id)),
      published: row.published,
      previous: link(paged[i - 1]),
      next: link(paged[i + 1]),
    };
  });
}

/** A record as a related link: its date and its outcome or status in words. */
function relatedRef(record: RecordView, translator: Translator, main: string): RelatedRef {
  // A request's title is made from the page's words; another record's is its own text, translated or not.
  const titleLanguage = record.kind === "requests" ? translator.language.tag : (record.textLanguage?.["title"] ?? main);
  const base = {
    key: record.id,
    kind: record.kind,
    title: record.title,
    titleLanguage,
    inner: requestAuthority(record, main),
    path: record.path,
  };
  return record.kind === "requests"
    ? {
        ...base,
        date: formatPartialDate(record.data.received, translator),
        sortDate: record.data.received.start,
        state: label(record.data.outcome, translator),
      }
    : { ...base, date: record.dates, sortDate: record.data.started.start, state: record.status.text };
}

/** Key of a post in the related index (posts and records share it, so posts are prefixed). */
export const postKey = (slug: string): string => `post:${slug}`;

/**
 * Builds the site model: every list, set, count and word the site shows, computed once from the
 * validated project. Pure: no `astro:*` import, no I/O; the same input gives the same model.
 */
export function buildSiteModel(input: SiteModelInput): SiteModel {
  const { site, now } = input;
  const locale = site.language;
  const translator = input.translator ?? englishTranslator(locale);
  const words = translator;
  const context = { translator, now, timeZone: site.timeZone };
  const threshold = site.report.smallCountThreshold;
  // Small-count protection, once, before anything else sees the ledger: every page, card, feed, chart,
  // figure and download below is built from the published rows only.
  const ledger = maskSmallCounts(input.requests, { threshold, period: site.report.period });
  const withheld = threshold === undefined ? undefined : withheldWords(threshold, words);
  // Each record's free text in the page's language where it has a translation (after masking: a withheld text stays so).
  const main = input.mainLanguage ?? site.language;
  const inPageLanguage = <T extends object>(record: WithTranslations<T>, columns: readonly string[] = []) =>
    recordInLanguage(record, columns, site.language, main);
  const requests = newestFirst(
    ledger.requests.map((r) => {
      const { data, textLanguage } = inPageLanguage(r, requestSpec.translatable);
      return { ...requestView(data, context, ledger.masked.has(r.id) ? withheld : undefined), textLanguage };
    }),
    (r) => r.data.received,
  );
  const blockingEvents = newestFirst(
    input.blockingEvents.map((e) => {
      const { data, textLanguage } = inPageLanguage(e, blockingEventSpec.translatable);
      return { ...blockingEventView(data, context), textLanguage };
    }),
    (e) => e.data.started,
  );
  const incidents = newestFirst(
    input.incidents.map((i) => {
      const { data, textLanguage } = inPageLanguage(i, incidentSpec.translatable);
      return { ...incidentView(data, context), textLanguage };
    }),
    (i) => i.data.started,
  );
  const report = buildTransparencyReport(ledger.requests, site.report.period, threshold, now, site.timeZone, words);
  const blog = buildBlogModel(input, site, now, input.mode, ledger.masked, main);
  const writeupTexts = new Map(inLanguage(input.writeups, site.language, main).map((w) => [w.id, w.text]));

  const records = new Map<string, RecordView>([...requests, ...blockingEvents, ...incidents].map((r) => [r.id, r]));
  const refs = new Map<string, RelatedRef>([
    ...[...records.values()].map((r) => [r.id, relatedRef(r, translator, main)] as const),
    ...blog.posts.map(
      (p) =>
        [
          postKey(p.id),
          {
            key: postKey(p.id),
            kind: "posts",
            title: p.data.title,
            titleLanguage: p.text.language,
            path: p.path,
            date: formatPublicationDate(p.data.date, locale),
            sortDate: p.data.date,
            state: "",
          },
        ] as const,
    ),
  ]);
  const links: RelationLink[] = [
    ...[...ledger.requests, ...input.blockingEvents, ...input.incidents].flatMap((r) =>
      r.related.map((to) => ({ from: r.id, to })),
    ),
    // Records a post names in `related` or shows with <Record> or <Status> are related to it, both ways;
    // so are the records a write-up shows. Only listed posts count: a draft links nowhere in production.
    ...blog.posts.flatMap((p) => p.recordIds.map((to) => ({ from: postKey(p.id), to }))),
    ...input.writeups.flatMap((w) => (w.translation ? [] : w.mentions.map((to) => ({ from: w.id, to })))),
    // A row published as "Other countries" is linked to nothing, either way: a link to a blocking event
    // or a post about one country would name it.
  ].filter((link) => !ledger.masked.has(link.from) && !ledger.masked.has(link.to));
  const index = buildRelatedIndex(links);
  const related = (key: string): RelatedRef[] => (index.get(key) ?? []).flatMap((id) => refs.get(id) ?? []);

  const published = buildPublishedReport(input.figures, {
    periodLength: site.report.period,
    threshold,
    locale,
    words,
    organisationName: site.organisation.name,
    services: site.services,
  });
  const countries = recordCountries(
    ledger.requests.filter((data) => !ledger.masked.has(data.id)).map((data) => ({ data })),
    input.blockingEvents.map((data) => ({ data })),
    // A country named only in published figures gets a page too.
    publishedCountryCodes(published.periods).map((country) => ({ data: { country } })),
  )
    .map((code): CountryView => {
      const own = requests.filter((r) => r.data.country === code);
      const events = blockingEvents.filter((e) => e.data.country === code);
      const figures = report.countries.find((c) => c.code === code)?.figures;
      const linked = new Set([...own, ...events].flatMap((r) => related(r.id)).map((ref) => ref.key));
      return {
        code,
        name: countryName(code, locale, translator),
        path: countryPath(code),
        requests: own,
        figures,
        requestCount: namedCountryCount(figures?.requests ?? 0, threshold, words),
        blockingEvents: events,
        inForce: events.filter((e) => e.inForce),
        incidents: incidents.filter((incident) => linked.has(incident.id)),
        published: publishedCountryFigures(published.periods, code),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, locale));

  const periodRows = reportPeriodRows(report.periods, published.periods, site.report.period, words);
  const periods = periodViews(periodRows, requests);
  const allTime = allTimeRequests(input.requests, published.periods);
  const periodPages = new Set(periods.map((p) => p.key));
  const countryPages = new Set(countries.map((c) => c.code));

  const inForce = blockingEvents.filter((e) => e.inForce);
  const open = incidents.filter((i) => i.open);
  return {
    site,
    now,
    mode: input.mode,
    requests,
    blockingEvents: {
      all: blockingEvents,
      inForce,
      banner: bannerEvents(inForce, site),
      byCountry: countries.filter((country) => country.blockingEvents.length > 0),
    },
    incidents: {
      all: incidents,
      open,
      byYear: [...Map.groupBy(incidents, (i) => i.data.started.start.slice(0, 4))],
    },
    report,
    reportDue: site.publishes.requests ? reportDue(reportDueSettings(site), now) : undefined,
    published,
    figures: input.figures,
    periods,
    periodRows,
    countries,
    home: {
      requests: allTime,
      blockingEvents: blockingEvents.length,
      blocksInForce: inForce.length,
      incidents: incidents.length,
      openIncidents: open.length,
    },
    blog,
    // A write-up tells a request's story, so a row published as "Other countries" shows none.
    writeupIds: new Set([...writeupTexts.keys()].filter((id) => !ledger.masked.has(id))),
    writeupText: (id) => (ledger.masked.has(id) ? undefined : writeupTexts.get(id)),
    canary: input.canary && canaryView(input.canary, now, site.canary?.publishedAt ?? []),
    releases: buildReleasesModel(input.releases ?? [], input.corrections ?? [], {
      locale,
      translator,
      main,
      now,
      record: (id) => records.get(id),
      figures: input.figures.map((figure) => figureRef(figure, translator)),
      periodPages,
    }),
    record: (id) => records.get(id),
    related,
    figure: (query) =>
      queryFigure(ledger.requests, query, { threshold, locale, words, periodPages, countryPages, published, allTime }),
  };
}
