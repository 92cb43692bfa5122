import type { PartialDate } from "../contract/fields/partial-date.ts";
import { formatPartialDate } from "../format/format-date.ts";
import { countryName, label } from "../format/labels.ts";
import { statusText } from "./records/blocking-words.ts";
import {
  blockingDuration,
  describeDuration,
  describeResolution,
  incidentDuration,
  isInForce,
  needsReverification,
  type Duration,
} from "./records/record-timing.ts";
import { requestTitle } from "./records/record-title.ts";
import type { Translator } from "../i18n/dictionary.ts";
import { englishTranslator } from "../i18n/english.ts";
import type { BlockingEvent } from "../contract/schemas/blocking-event.ts";
import type { Incident } from "../contract/schemas/incident.ts";
import type { Request } from "../contract/schemas/request.ts";
import { countryPath, recordPath, type RecordKind } from "./paths.ts";

/**
 * A record's status as a badge: the words and the tone its colour comes from. Every page, card and
 * feed shows a record's status with these words; "unknown" never reads as ongoing.
 */
export interface StatusBadge {
  text: string;
  /** `ongoing`, `partial`, `lifted`, `unknown` for blocking events; `ongoing` (open) or `resolved` for incidents. */
  tone: BlockingEvent["status"] | "resolved";
}

/** What every record view has: its kind, id, page and title. */
interface RecordViewBase<K extends RecordKind, T> {
  kind: K;
  id: string;
  data: T;
  /** Site-relative path of the record's page. */
  path: string;
  title: string;
  /**
   * The language tag of each free-text column it shows (`title`, `summary`…), where the site model put its data in a
   * page's language: the page's where translated, the site's main language's where not (the `lang` of the text).
   */
  textLanguage?: Readonly<Record<string, string>>;
}

/** A blocking event with everything readers are told about its state, worked out once. */
export interface BlockingEventView extends RecordViewBase<"blockingEvents", BlockingEvent> {
  countryName: string;
  countryPath: string;
  status: StatusBadge;
  /** In force at build time: ongoing, or partial with no end date. The one rule for "blocked now". */
  inForce: boolean;
  /** "since 4 March 2020", "5 February 2019 to 18 June 2019" or "started May 2023" (not in force, no end date). */
  dates: string;
  /** How long it lasted or has lasted; absent when that cannot be known (status unknown, no end date). */
  duration: Duration | undefined;
  /** The status in words: dates, then the duration or "current status unknown". */
  statusWords: string;
  /** In force and not re-verified for over 90 days (or never). */
  stale: boolean;
}

/** An incident with its state worked out once. */
export interface IncidentView extends RecordViewBase<"incidents", Incident> {
  status: StatusBadge;
  /** Not resolved at build time. The one rule for "open now". */
  open: boolean;
  /** "since 22 September 2025" or "3 April 2023 to 5 April 2023". */
  dates: string;
  duration: Duration;
  /** The status in words: dates, then the duration. */
  statusWords: string;
}

/** A request, named by its authority and country in the site's language. */
export interface RequestView extends RecordViewBase<"requests", Request> {
  countryName: string;
  /**
   * Why its country, authority, legal basis, route, notes and links are not shown, when it is published
   * as "Other countries" (small-count protection); undefined for every other request.
   */
  withheld: string | undefined;
}

/** Any record's view. */
export type RecordView = BlockingEventView | IncidentView | RequestView;

/**
 * What views depend on besides the record: the words and formats of the page's language (English when left out),
 * the build time and the site's time zone (its "today").
 */
export interface ViewContext {
  translator?: Translator | undefined;
  now: Date;
  timeZone: string;
}

/** "A to B" when it ended, else `since` (or `started`, when it is not known to be still going on) and the start. */
function datesOf(start: PartialDate, end: PartialDate | undefined, running: boolean, translator: Translator): string {
  const date = (d: PartialDate) => formatPartialDate(d, translator);
  if (end) return translator.t("records.dates.range", { start: date(start), end: date(end) });
  return translator.t(running ? "records.dates.since" : "records.dates.started", { start: date(start) });
}

/** The view of a blocking event at `context.now`. */
export function blockingEventView(event: BlockingEvent, context: ViewContext): BlockingEventView {
  const translator = context.translator ?? englishTranslator();
  const inForce = isInForce(event);
  const duration = blockingDuration(event, context.now, context.timeZone);
  const dates = datesOf(event.started, event.ended, inForce, translator);
  const statusWords = duration
    ? translator.t("records.dates.withDuration", { dates, duration: describeDuration(duration, translator) })
    : event.status === "unknown"
      ? translator.t("records.dates.statusUnknown", { dates })
      : dates;
  return {
    kind: "blockingEvents",
    id: event.id,
    data: event,
    path: recordPath("blockingEvents", event.id),
    title: event.title,
    countryName: countryName(event.country, translator.language.tag, translator),
    countryPath: countryPath(event.country),
    status: { text: statusText(event.status, translator), tone: event.status },
    inForce,
    dates,
    duration,
    statusWords,
    stale: needsReverification(event, context.now, context.timeZone),
  };
}

/** The view of an incident at `context.now`. */
export function incidentView(incident: Incident, context: ViewContext): IncidentView {
  const translator = context.translator ?? englishTranslator();
  const open = incident.resolved === undefined;
  const duration = incidentDuration(incident, context.now, context.timeZone);
  const dates = datesOf(incident.started, incident.resolved, open, translator);
  return {
    kind: "incidents",
    id: incident.id,
    data: incident,
    path: recordPath("incidents", incident.id),
    title: incident.title,
    status: open
      ? { text: translator.t("records.status.open"), tone: "ongoing" }
      : { text: translator.t("records.status.resolved"), tone: "resolved" },
    open,
    dates,
    duration,
    statusWords: translator.t("records.dates.withDuration", {
      dates,
      duration: describeResolution(duration, translator),
    }),
  };
}

/** The view of a request; `withheld` says why fields are left out of a row published as "Other countries". */
export function requestView(
  request: Request,
  context: ViewContext,
  withheld: string | undefined = undefined,
): RequestView {
  const translator = context.translator ?? englishTranslator();
  return {
    kind: "requests",
    id: request.id,
    data: request,
    path: recordPath("requests", request.id),
    title: requestTitle(request, translator),
    countryName: countryName(request.country, translator.language.tag, translator),
    withheld,
  };
}

/** Newest first by the start of a partial date, then by id, so equal dates keep one order on every page. */
export function newestFirst<T extends { id: string }>(items: readonly T[], dateOf: (item: T) => PartialDate): T[] {
  return [...items].sort((a, b) => dateOf(b).start.localeCompare(dateOf(a).start) || a.id.localeCompare(b.id));
}

/** The words of a data-contract value list in the translator's language, e.g. `smtp;imap` → "SMTP (mail delivery), IMAP". */
export const words = (list: readonly string[], translator?: Translator): string =>
  list.map((word) => label(word, translator)).join(", ");

/** A request's authority as its title holds it, and the language it is written in; none for other records. */
export function requestAuthority(record: RecordView, main: string): { text: string; language: string } | undefined {
  if (record.kind !== "requests" || record.withheld !== undefined || record.data.authority === undefined)
    return undefined;
  return { text: record.data.authority, language: record.textLanguage?.["authority"] ?? main };
}
