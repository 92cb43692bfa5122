import type { Publishes } from "../contract/site-config-schema.ts";

/** A kind of records the site may publish, by its key in the site config's `publishes`. */
export type RecordKind = keyof Publishes;

/** The section of the site each kind of records has: its index page and how the navigation names it. */
export const RECORD_SECTIONS = {
  requests: { path: "transparency/", label: "Requests", singular: "request", plural: "requests", log: "requests" },
  blockingEvents: {
    path: "blocking/",
    label: "Blocking",
    singular: "blocking event",
    plural: "blocking events",
    log: "blocking log",
  },
  incidents: { path: "incidents/", label: "Incidents", singular: "incident", plural: "incidents", log: "incidents" },
} as const satisfies Record<RecordKind, Omit<PublishedSection, "kind">>;

/** A section of a kind the site publishes. */
export interface PublishedSection {
  kind: RecordKind;
  /** Site-relative path of its index page, e.g. `transparency/`. */
  path: string;
  /** Its name in the navigation, e.g. `Requests`. */
  label: string;
  /** One of its records in words, e.g. `blocking event`. */
  singular: string;
  /** Its records in words, e.g. `blocking events`. */
  plural: string;
  /** The section in words, as a link to it reads after "the": `requests`, `blocking log`. */
  log: string;
}

/** Words as a list in a sentence: `a`, `a and b`, `a, b and c`. */
export function wordList(words: readonly string[], and = "and"): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} ${and} ${words.at(-1) ?? ""}`;
}

/** The sections of the kinds `publishes` turns on, in navigation order: a kind turned off has no links anywhere. */
export function publishedSections(publishes: Publishes): PublishedSection[] {
  return (Object.keys(RECORD_SECTIONS) as RecordKind[])
    .filter((kind) => publishes[kind])
    .map((kind) => ({ kind, ...RECORD_SECTIONS[kind] }));
}

/**
 * What a country's page and feed cover, as far as the site publishes it: `Requests from authorities
 * in Russia and blocking of our service there`, or only one of the two; `blocked` names what is blocked.
 */
export function countryCoverage(name: string, publishes: Publishes, blocked: string): string {
  if (publishes.requests && publishes.blockingEvents)
    return `Requests from authorities in ${name} and blocking of ${blocked} there`;
  if (publishes.requests) return `Requests from authorities in ${name}`;
  return `Blocking of ${blocked} in ${name}`;
}
