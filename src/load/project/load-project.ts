import type { LocatedRecord } from "../csv/read-records.ts";
import { blockingEventSpec, type BlockingEvent } from "../../contract/schemas/blocking-event.ts";
import {
  authorSpec,
  pageSpec,
  postSpec,
  writeupSpec,
  type Author,
  type Page,
  type Post,
  type VerifiedCanary,
  type Writeup,
} from "../../contract/schemas/content.ts";
import type { CanaryConfig, Publishes } from "../../contract/site-config-schema.ts";
import { incidentSpec, type Incident } from "../../contract/schemas/incident.ts";
import { requestSpec, type Request } from "../../contract/schemas/request.ts";
import { figureSpec, toFigure, type Figure } from "../../contract/schemas/figure.ts";
import { correctionSpec, type Correction } from "../../contract/schemas/correction.ts";
import type { SmallCountPolicy } from "../../model/report/small-count-mask.ts";
import { checkReleasedData, type ReleasedKeys } from "./released-data.ts";
import { figureProblems, serviceProblems } from "./figure-problems.ts";
import { sortProblems, type Problem } from "../validation/problem.ts";
import {
  duplicateIdProblems,
  frontmatterIdProblems,
  relatedRecordProblems,
  writeupNameProblems,
} from "./cross-references.ts";
import { readContentFolder, type ContentEntry } from "./read-content-folder.ts";
import { mdxComponentProblems } from "../content/check-mdx-components.ts";
import { periodKeysOf } from "../../model/report/figure-query.ts";
import { readCanary } from "./read-canary.ts";
import { reportDueWarnings } from "./report-due-warnings.ts";
import { reportDueSettings, type ReportDueSettings } from "../../model/report/report-due.ts";
import {
  dataFolderNames,
  missingDataFileProblems,
  spreadsheetFileProblems,
  unpublishedDataFileProblems,
} from "./data-files.ts";
import { readCsvFile } from "./read-csv-file.ts";
import { readSiteConfig } from "./read-site-config.ts";
import { unknownFileProblems } from "./unknown-files.ts";
import { outsideLinkProblems } from "./outside-links.ts";
import { reservedNameProblems } from "./content-names.ts";
import { checkReleases } from "../../release/check-releases.ts";
import type { Language, LanguageConfig } from "../../i18n/languages.ts";
import { readSiteI18n } from "../../i18n/read-dictionaries.ts";
import {
  pageTranslationSpec,
  postTranslationSpec,
  writeupTranslationSpec,
} from "../../contract/schemas/content-translation.ts";
import type { FieldShape, FieldSpec } from "../../contract/schemas/record-spec.ts";

/** Where each kind of content lives, relative to the project root. */
export const CONTENT_FOLDERS = {
  posts: "content/blog",
  authors: "content/authors",
  pages: "content/pages",
  writeups: "content/records",
} as const;

/** Everything a site is built from, validated, with every problem found. */
export interface Project {
  requests: LocatedRecord<Request>[];
  /** Published figures (data/figures.csv): totals and breakdowns as reports print them. */
  figures: LocatedRecord<Figure>[];
  blockingEvents: LocatedRecord<BlockingEvent>[];
  incidents: LocatedRecord<Incident>[];
  posts: ContentEntry<Post>[];
  authors: ContentEntry<Author>[];
  pages: ContentEntry<Page>[];
  writeups: ContentEntry<Writeup>[];
  /**
   * Valid translations of valid posts, pages and write-ups (`<id>.<tag>.mdx`), each with its original's
   * frontmatter under its own words and `translation` set; not counted as posts, pages or write-ups.
   */
  translations: {
    posts: ContentEntry<Post>[];
    pages: ContentEntry<Page>[];
    writeups: ContentEntry<Writeup>[];
  };
  /** Changes to released records and figures (data/corrections.csv), in the file's order. */
  corrections: LocatedRecord<Correction>[];
  /** The dataset releases (data/releases/), oldest first, with the keys each holds; their files and signatures are checked (checkReleases). */
  releases: ReleasedKeys[];
  /** The warrant canary, when there is a valid one whose signature by the pinned key verified. */
  canary: VerifiedCanary | undefined;
  /** Which kinds of records the site publishes (an unpublished kind has no records). */
  publishes: Publishes;
  /** The site's languages, its main one first (the config's `language`, then its `translations`). */
  languages: Language[];
  /** Every problem in data/, content/ and the site's dictionaries (i18n/), sorted by file, line and column. */
  problems: Problem[];
  /** Things to fix soon that do not stop a build (a canary close to expiry), sorted. */
  warnings: Problem[];
}

/** What loading depends on besides the files. */
export interface LoadOptions {
  /** The build time (see `buildTime()`): the canary's expiry and the range of dates in data/ are checked against it. */
  now?: Date;
  /** Whether an expired canary is an error (the default) or a warning. */
  expiredCanary?: "error" | "warning";
  /**
   * The site config's `canary` key, which pins the canary's signing key (undefined: none pinned).
   * Left out, it is read from the project's own `src/site.config.ts`.
   */
  canary?: CanaryConfig | undefined;
  /** Whether MDX may hold code: `import`, `export` and `{…}` expressions; left out, the site config's `content.allowCode`. */
  allowCode?: boolean;
  /**
   * Whether each data file must be there, as for a site (`validate` and the build): a missing file
   * would publish zero of its kind, and unknown is never zero. Off by default, to read loose fixtures.
   */
  requireDataFiles?: boolean;
  /**
   * Which kinds the site publishes; left out, the site config's `publishes` (all, without a config).
   * An unpublished kind's file must not be there, and it is not read.
   */
  publishes?: Publishes;
  /** Ids of the site's services, which `service` cells name; left out, the site config's (unchecked without one). */
  services?: readonly string[];
  /** The organisation's country, which "foreign" figures exclude; left out, the site config's. */
  jurisdiction?: string;
  /**
   * The site's small-count rule, which the downloads compared with a release apply; left out, the site
   * config's `report.smallCountThreshold` and `report.period`.
   */
  smallCounts?: SmallCountPolicy;
  /** When the next report is due (warned about from 14 days before); left out, the site config's (none without one). */
  reportDue?: ReportDueSettings;
  /**
   * The site's languages: its main one (the originals') and its translations (the only languages a translated
   * text or column may be in), whose dictionaries (Vitrine's and the site's `i18n/<tag>.json`) are checked as the
   * build checks them; left out, the site config's `language` and `translations` (English alone without one).
   */
  languages?: LanguageConfig;
}

/** Every kind published: a site's default. */
const ALL_PUBLISHED: Publishes = { requests: true, blockingEvents: true, incidents: true };

/** Reads and validates all of `data/` and `content/` under `root`, including references between files and the canary. */
export async function loadProject(root: string, options: LoadOptions = {}): Promise<Project> {
  // What the options leave out comes from the project's own src/site.config.ts.
  const config =
    "canary" in options &&
    options.allowCode !== undefined &&
    options.publishes !== undefined &&
    options.services !== undefined &&
    options.jurisdiction !== undefined &&
    options.smallCounts !== undefined &&
    options.reportDue !== undefined &&
    options.languages !== undefined
      ? undefined
      : (await readSiteConfig(root)).config;
  const publishes = options.publishes ?? config?.publishes ?? ALL_PUBLISHED;
  const pin = "canary" in options ? options.canary : config?.canary;
  const body = { allowCode: options.allowCode ?? config?.content.allowCode ?? false };
  const languages: LanguageConfig = options.languages ?? {
    language: config?.language ?? "en",
    translations: config?.translations ?? [],
  };
  const translated = (spec: FieldSpec<FieldShape>) => ({
    main: languages.language,
    languages: languages.translations,
    spec,
  });
  const now = options.now ?? new Date();
  const services = options.services ?? config?.services.map((service) => service.id);
  const jurisdiction = options.jurisdiction ?? config?.organisation.jurisdiction;
  const smallCounts = options.smallCounts ?? {
    threshold: config?.report.smallCountThreshold,
    period: config?.report.period ?? "half",
  };
  // A site that publishes no requests has no report to be late with.
  const due = publishes.requests ? (options.reportDue ?? (config && reportDueSettings(config))) : undefined;
  // The site's dictionaries, read as the build reads them: the same problems and the same warnings.
  const i18n = readSiteI18n(languages, root);
  const dataFiles = [requestSpec.file, figureSpec.file, blockingEventSpec.file, incidentSpec.file, correctionSpec.file];
  const kinds = [
    { key: "requests", file: requestSpec.file },
    { key: "blockingEvents", file: blockingEventSpec.file },
    { key: "incidents", file: incidentSpec.file },
  ] as const;
  const unpublished = [
    ...kinds.filter(({ key }) => !publishes[key]),
    // Published figures are of requests: a site that does not publish requests has none.
    ...(publishes.requests ? [] : [{ key: "requests", file: figureSpec.file }]),
  ];
  // An unpublished kind is not read: its file is refused below, and the site has none of its records.
  const none = { records: [], keys: [], problems: [], unreadable: false };
  const [
    requests,
    figureRows,
    blockingEvents,
    incidents,
    posts,
    authors,
    pages,
    writeups,
    unknownFiles,
    canary,
    links,
    dataNames,
    correctionRows,
  ] = await Promise.all([
    publishes.requests ? readCsvFile(root, requestSpec, now, languages.translations) : none,
    publishes.requests ? readCsvFile(root, figureSpec, now) : none,
    publishes.blockingEvents ? readCsvFile(root, blockingEventSpec, now, languages.translations) : none,
    publishes.incidents ? readCsvFile(root, incidentSpec, now, languages.translations) : none,
    readContentFolder(root, CONTENT_FOLDERS.posts, postSpec, body, translated(postTranslationSpec)),
    readContentFolder(root, CONTENT_FOLDERS.authors, authorSpec, body),
    readContentFolder(root, CONTENT_FOLDERS.pages, pageSpec, body, translated(pageTranslationSpec)),
    readContentFolder(root, CONTENT_FOLDERS.writeups, writeupSpec, body, translated(writeupTranslationSpec)),
    unknownFileProblems(root, dataFiles, Object.values(CONTENT_FOLDERS)),
    readCanary(root, { now, expired: options.expiredCanary ?? "error", pin }),
    outsideLinkProblems(root),
    dataFolderNames(root),
    readCsvFile(root, correctionSpec, now),
  ]);
  // Releases are signed by the canary's key: checked once the canary's key file has been read.
  const releases = await checkReleases(root, { pinned: pin?.fingerprint, armoredKey: canary.armoredKey, now });
  const required = kinds.filter(({ key }) => publishes[key]).map(({ file }) => file);
  const missing = missingDataFileProblems(options.requireDataFiles ? required : [], dataNames);
  const records = [...requests.records, ...blockingEvents.records, ...incidents.records];
  const keys = [...requests.keys, ...blockingEvents.keys, ...incidents.keys];
  const recordIds = new Set(keys.map((key) => key.id));
  const authorIds = new Set(authors.ids.map((author) => author.id));
  // With a data file missing or unreadable its ids are unknown: checking references against the
  // others would only repeat that one problem in every file that names one of its records.
  // A site that leaves a kind out says so where an id names no record: that id may be one of them.
  const aRecord = `a record in data/${unpublished.length > 0 ? ` (${[...new Set(unpublished.map(({ key }) => `publishes.${key}`))].join(", ")} false in src/site.config.ts: none of those)` : ""}`;
  const referenceProblems = (): Problem[] => [
    ...relatedRecordProblems(records, recordIds, aRecord),
    ...frontmatterIdProblems(posts.entries, "related", recordIds, aRecord),
    ...writeupNameProblems(writeups.ids, recordIds, aRecord),
    ...mdxComponentProblems([...posts.usages, ...authors.usages, ...pages.usages, ...writeups.usages], {
      recordKinds: new Map([
        ...requests.keys.map((k) => [k.id, "requests"] as const),
        ...blockingEvents.keys.map((k) => [k.id, "blockingEvents"] as const),
        ...incidents.keys.map((k) => [k.id, "incidents"] as const),
      ]),
      periods: periodKeysOf(
        requests.records.map((r) => r.data),
        figureRows.records.map((r) => r.data.period),
      ),
      publishedPeriods: [...new Set(figureRows.records.map((r) => r.data.period.text))].sort(),
      publishes,
    }),
  ];
  const figures = figureRows.records.map((row) => ({ ...row, data: toFigure(row.data, row.line) }));
  const ledgerKnown = !requests.unreadable && requests.problems.length === 0;
  const idsKnown = [requests, blockingEvents, incidents].every((part) => !part.unreadable) && missing.length === 0;
  // Only a data file that is there and read without problems is compared with the latest release: a row
  // left out for a problem, or a whole file missing (reported above), would look withdrawn.
  const readWell = (part: { problems: Problem[]; unreadable: boolean }): boolean =>
    part.problems.length === 0 && !part.unreadable && missing.length === 0;
  const clean = <T>(part: { records: T[]; problems: Problem[]; unreadable: boolean }): T[] | undefined =>
    readWell(part) ? part.records : undefined;
  const released = await checkReleasedData(
    root,
    {
      complete: [requests, figureRows, blockingEvents, incidents].every(readWell),
      requests: publishes.requests ? clean(requests) : undefined,
      figures: publishes.requests && figureRows.problems.length === 0 ? figures : undefined,
      blockingEvents: publishes.blockingEvents ? clean(blockingEvents) : undefined,
      incidents: publishes.incidents ? clean(incidents) : undefined,
    },
    // A release whose files or signature fail their checks is not compared: its lines would only echo them.
    releases.problems.length === 0 ? clean(correctionRows) : undefined,
    smallCounts,
  );
  const problems = [
    ...released.problems,
    ...correctionRows.problems,
    ...[requests, figureRows, blockingEvents, incidents, posts, authors, pages, writeups].flatMap(
      (part) => part.problems,
    ),
    ...serviceProblems(requests.records, services),
    ...figureProblems(figures, {
      services,
      jurisdiction,
      ledger: ledgerKnown ? requests.records : undefined,
      complete: figureRows.problems.length === 0,
    }),
    ...unknownFiles,
    ...links,
    ...(await reservedNameProblems(
      root,
      pages.ids,
      posts.ids,
      i18n.languages.filter((language) => !language.main).map((language) => language.path),
    )),
    ...canary.problems,
    ...i18n.problems,
    ...releases.problems,
    ...missing,
    ...unpublishedDataFileProblems(unpublished, dataNames),
    ...spreadsheetFileProblems(dataNames),
    ...duplicateIdProblems(keys),
    ...frontmatterIdProblems(posts.entries, "authors", authorIds, "an author in content/authors/"),
    ...(idsKnown ? referenceProblems() : []),
  ];
  return {
    requests: requests.records,
    figures,
    blockingEvents: blockingEvents.records,
    incidents: incidents.records,
    corrections: correctionRows.records,
    releases: released.releases,
    posts: posts.entries,
    authors: authors.entries,
    pages: pages.entries,
    writeups: writeups.entries,
    translations: { posts: posts.translations, pages: pages.translations, writeups: writeups.translations },
    canary: canary.canary,
    publishes,
    languages: i18n.languages,
    problems: sortProblems(problems),
    warnings: sortProblems([
      ...canary.warnings,
      ...i18n.warnings,
      ...[posts, pages, writeups].flatMap((part) => part.warnings),
      ...(due ? await reportDueWarnings(root, due, now) : []),
    ]),
  };
}

/**
 * What `validate` found, in words: rows of requests.csv and the requests they stand for (a row may
 * count several identical requests), then the number of each other kind.
 */
export function describeProject(project: Project): string {
  const { requests: rows, "blocking events": blocking, incidents, ...others } = countProject(project);
  const requests = project.requests.reduce((sum, request) => sum + request.data.count, 0);
  const { publishes } = project;
  const kinds = Object.entries(others).map(([kind, count]) => `${count} ${kind}`);
  return [
    publishes.requests
      ? `${rows} row${rows === 1 ? "" : "s"} (${requests} request${requests === 1 ? "" : "s"}), ${project.figures.length} published figure${project.figures.length === 1 ? "" : "s"}`
      : "requests not published",
    publishes.blockingEvents ? `${blocking} blocking events` : "blocking events not published",
    publishes.incidents ? `${incidents} incidents` : "incidents not published",
    ...kinds,
  ].join(", ");
}

/** Counts per kind (requests counted in rows). */
export function countProject(project: Project): Record<string, number> {
  return {
    requests: project.requests.length,
    "blocking events": project.blockingEvents.length,
    incidents: project.incidents.length,
    posts: project.posts.length,
    authors: project.authors.length,
    pages: project.pages.length,
    "record write-ups": project.writeups.length,
  };
}
