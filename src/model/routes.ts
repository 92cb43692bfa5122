import {
  blockingCard,
  cardAlt,
  countryCard,
  homeCard,
  incidentCard,
  periodCard,
  postCard,
  reportCard,
  requestCard,
  type CardContext,
  type CardData,
  type CardEntry,
} from "../output/social-cards/card-data.ts";
import { cardPathFor } from "../output/social-cards/card-paths.ts";
import { englishTranslator } from "../i18n/english.ts";
import type { AuthorView, PageView, PostView, TagView } from "./blog-model.ts";
import type { BlockingEventView, IncidentView, RequestView } from "./record-views.ts";
import type { CanaryView } from "./canary-view.ts";
import type { CountryView, PeriodView, SiteModel } from "./site-model.ts";

/** One page of the site: its path, the parameters and props its page file gets, and the card it is shared with. */
export interface RouteEntry<Params extends Record<string, string>, Props> {
  /** Site-relative path, e.g. `blocking/blk-ru-2020-smtp/` (`""` for the home page). */
  path: string;
  params: Params;
  props: Props;
  /** The page's own social card, or the home page's when it has none. */
  card: CardEntry;
}

/**
 * Every page built from data, by route: the one list `getStaticPaths`, the social-card route and
 * the head tags read. A page file's parameter names are the keys of its `params`.
 */
export interface RouteTable {
  home: RouteEntry<Record<string, never>, Record<string, never>>;
  /** `transparency/`, when the site publishes requests. */
  report: RouteEntry<Record<string, never>, Record<string, never>> | undefined;
  /** `blocking/` (and its `rss.xml`), when the site publishes blocking events. */
  blockingLog: RouteEntry<Record<string, never>, Record<string, never>> | undefined;
  /** `incidents/` (and its `rss.xml`), when the site publishes incidents. */
  incidentLog: RouteEntry<Record<string, never>, Record<string, never>> | undefined;
  /** `canary/` (and `canary.json`), when the site publishes a warrant canary; shared with the home page's card. */
  canary: RouteEntry<Record<string, never>, { canary: CanaryView }> | undefined;
  /** `transparency/[period]/`: periods with at least one request. */
  periods: RouteEntry<{ period: string }, { period: PeriodView }>[];
  /** `countries/[country]/` (and its `rss.xml`): every country named by a record. */
  countries: RouteEntry<{ country: string }, { country: CountryView }>[];
  /** `blog/[slug]/`: listed posts, newest first. */
  posts: RouteEntry<{ slug: string }, { post: PostView }>[];
  /** `blog/tags/[tag]/`. */
  tags: RouteEntry<{ tag: string }, { tag: TagView }>[];
  /** `authors/[id]/`. */
  authors: RouteEntry<{ id: string }, { author: AuthorView }>[];
  /** `[page]/`: content pages. */
  pages: RouteEntry<{ page: string }, { page: PageView }>[];
  /** `blocking/[id]/`. */
  blockingEvents: RouteEntry<{ id: string }, { event: BlockingEventView }>[];
  /** `incidents/[id]/`. */
  incidents: RouteEntry<{ id: string }, { incident: IncidentView }>[];
  /** `transparency/requests/[id]/`. */
  requests: RouteEntry<{ id: string }, { request: RequestView }>[];
  /** Every card to draw: one per page that has a card of its own. */
  cards: CardEntry[];
}

/** The data routes of the table. */
export type DataRoute = Exclude<
  keyof RouteTable,
  "home" | "report" | "blockingLog" | "incidentLog" | "canary" | "cards"
>;

/**
 * Where each data route's page file lives under `src/routes/`, as an Astro route pattern: the table's
 * `params` fill it in to give each entry's `path`. The list an integration hands to `injectRoute`.
 */
export const ROUTE_PATTERNS = {
  periods: "transparency/[period]",
  countries: "countries/[country]",
  posts: "blog/[slug]",
  tags: "blog/tags/[tag]",
  authors: "authors/[id]",
  pages: "[page]",
  blockingEvents: "blocking/[id]",
  incidents: "incidents/[id]",
  requests: "transparency/requests/[id]",
} as const satisfies Record<DataRoute, string>;

/**
 * Fixed pages and files of `src/routes/` (and the search index's folder) at the site's root and
 * under `blog/`, by the first segment of their path without extension, leaving out names a content
 * file cannot have anyway (`404`, `_astro`); a test keeps it in step with src/routes/.
 */
export const FIXED_ROUTE_NAMES = {
  root: ["canary", "data", "feed", "index", "og", "pagefind", "robots", "rss", "search", "sitemap-index", "status"],
  blog: ["archive", "tags"],
} as const;

/**
 * Names a content file may not have because the page it becomes would take the path of another
 * route: pages are served at `/<name>/`, posts at `/blog/<name>/`. Derived from `ROUTE_PATTERNS`
 * and `FIXED_ROUTE_NAMES`.
 */
export function reservedContentNames(): { pages: string[]; posts: string[] } {
  const segments = (prefix: string) =>
    Object.values(ROUTE_PATTERNS)
      .filter((pattern) => pattern.startsWith(prefix))
      .map((pattern) => pattern.slice(prefix.length).split("/")[0] ?? "")
      .filter((segment) => segment !== "" && !segment.startsWith("["));
  return {
    pages: [...new Set([...segments(""), ...FIXED_ROUTE_NAMES.root])].sort(),
    posts: [...new Set([...segments("blog/"), ...FIXED_ROUTE_NAMES.blog])].sort(),
  };
}

/** A route pattern filled in with an entry's parameters: the site-relative path of its page. */
export function fillPattern(pattern: string, params: Readonly<Record<string, string>>): string {
  return `${pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No parameter ${name} for the route ${pattern}`);
    return value;
  })}/`;
}

/**
 * Builds the route table of a site model: every data page with its props and its card, the card's words in
 * `translator`'s language (the model's; English by default, as in tests and tools).
 */
export function buildRoutes(model: SiteModel, translator = englishTranslator(model.site.language)): RouteTable {
  const context: CardContext = { site: model.site, translator };
  const cards: CardEntry[] = [];
  const own = (path: string, data: CardData): CardEntry => {
    const card = { pagePath: path, cardPath: cardPathFor(path), data, alt: cardAlt(data, translator) };
    cards.push(card);
    return card;
  };
  const home = own("", homeCard(model.home, context));
  const route = <Params extends Record<string, string>, Props>(
    path: string,
    params: Params,
    props: Props,
    card: CardData | undefined,
  ): RouteEntry<Params, Props> => ({ path, params, props, card: card ? own(path, card) : home });
  const none = {} as Record<string, never>;
  const { publishes } = model.site;
  return {
    home: { path: "", params: none, props: none, card: home },
    report: publishes.requests
      ? route("transparency/", none, none, reportCard(model.report, model.home.requests, context))
      : undefined,
    blockingLog: publishes.blockingEvents ? route("blocking/", none, none, undefined) : undefined,
    incidentLog: publishes.incidents ? route("incidents/", none, none, undefined) : undefined,
    canary: model.canary && route(model.canary.path, none, { canary: model.canary }, undefined),
    periods: model.periods.map((period) =>
      route(period.path, { period: period.key }, { period }, periodCard(period, context)),
    ),
    countries: model.countries.map((country) =>
      route(country.path, { country: country.code.toLowerCase() }, { country }, countryCard(country, context)),
    ),
    posts: model.blog.posts.map((post) => route(post.path, { slug: post.id }, { post }, postCard(post, context))),
    tags: model.blog.tags.map((tag) => route(tag.path, { tag: tag.slug }, { tag }, undefined)),
    authors: model.blog.authors.map((author) => route(author.path, { id: author.id }, { author }, undefined)),
    pages: model.blog.pages.map((page) => route(page.path, { page: page.id }, { page }, undefined)),
    blockingEvents: model.blockingEvents.all.map((event) =>
      route(event.path, { id: event.id }, { event }, blockingCard(event, context)),
    ),
    incidents: model.incidents.all.map((incident) =>
      route(incident.path, { id: incident.id }, { incident }, incidentCard(incident, context)),
    ),
    requests: model.requests.map((request) =>
      route(request.path, { id: request.id }, { request }, requestCard(request, context)),
    ),
    cards,
  };
}
