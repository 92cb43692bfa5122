/**
 * A synthetic Vitrine project at any scale, for the bench: `data/*.csv` valid under the data contract
 * (docs/data-format.md) and `content/` (posts, authors, pages, write-ups, a canary) valid under
 * `src/contract/schemas/content.ts`, with related links between records and from posts to records.
 *
 * `generateCorpus` is pure and deterministic: the same options give byte-identical files.
 * `writeCorpus` puts the files in a folder.
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeCsvTable } from "../src/output/open-data/csv-table.ts";
import {
  AUTHORITY_TYPES,
  BLOCKING_METHODS,
  BLOCKING_STATUSES,
  BLOCKING_TARGETS,
  CONFIDENCE_LEVELS,
  DATA_KINDS,
  INCIDENT_CATEGORIES,
  LEGAL_PROCESSES,
  OUTCOMES,
  REJECTION_REASONS,
  ROUTES,
  SEVERITIES,
} from "../src/contract/schemas/vocabulary.ts";

/** How many records and posts to make. */
export interface CorpusScale {
  requests: number;
  blockingEvents: number;
  incidents: number;
  posts: number;
}

/** The issue's default scale. */
export const DEFAULT_SCALE: CorpusScale = { requests: 10_000, blockingEvents: 500, incidents: 1_000, posts: 300 };

/** What to generate. */
export interface CorpusOptions extends CorpusScale {
  /** Seed of the random choices; the same seed gives the same files. */
  seed?: number;
  /** The build moment the corpus is made for: every date is before it, the canary is valid at it. */
  now?: Date;
  /** Number of authors (at least 1). */
  authors?: number;
}

/** A generated project: file contents by path relative to the project root, and what was made. */
export interface Corpus {
  files: Map<string, string>;
  counts: CorpusScale & { authors: number; pages: number; writeups: number };
}

/** The moment corpora are made for by default (the same as the tests' `FIXED_NOW`). */
export const CORPUS_NOW = new Date("2026-11-28T12:00:00Z");

// ---------------------------------------------------------------------------------------------
// Randomness and text
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small, fast, seedable generator of numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Random {
  /** An integer in [min, max]. */
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  /** True with probability `p`. */
  chance: (p: number) => boolean;
  /** `count` distinct items (fewer when there are not enough). */
  some: <T>(items: readonly T[], count: number) => T[];
}

function random(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return {
    int,
    pick,
    chance: (p) => next() < p,
    some: (items, count) => {
      const chosen = new Set<(typeof items)[number]>();
      for (let tries = 0; chosen.size < Math.min(count, items.length) && tries < count * 4; tries++)
        chosen.add(pick(items));
      return [...chosen];
    },
  };
}

const WORDS = (
  "request account court order police data server mail block network provider user report judge law access " +
  "subscriber metadata content message traffic address investigation review answer refusal appeal notice " +
  "measurement evidence outage attack abuse phishing spam threat regulator authority country period record"
).split(" ");
const NAMES = [
  "Anneke",
  "Jonas",
  "Leila",
  "Marek",
  "Sofia",
  "Tomas",
  "Ines",
  "Pieter",
  "Noor",
  "Elif",
  "Ruben",
  "Chloé",
];
const SURNAMES = ["De Smet", "Peeters", "Haddad", "Nowak", "Janssens", "Kowalski", "Dubois", "Maes", "Öztürk", "Claes"];
const AUTHORITIES = [
  "Federal Computer Crime Unit",
  "Parquet de Bruxelles",
  "Parket Oost-Vlaanderen",
  "Investigating judge, Court of First Instance (Ghent)",
  "Bundeskriminalamt",
  "Roskomnadzor",
  'Office of the "Special" Prosecutor',
  "Tax authority; fraud unit",
];
const LEGAL_BASES = [
  "Art. 46bis Code of Criminal Procedure",
  "Art. 88bis Code of Criminal Procedure",
  "§ 100j StPO",
  "Federal Law No. 149-FZ, Art. 10.1",
];
/** Valid ISO 3166-1 alpha-2 codes, weighted towards a few (Belgium first). */
const COUNTRIES = [
  "BE",
  "BE",
  "BE",
  "BE",
  "NL",
  "DE",
  "DE",
  "FR",
  "FR",
  "RU",
  "US",
  "GB",
  "IT",
  "ES",
  "PL",
  "SE",
  "CH",
  "AT",
  "TR",
  "UA",
  "GR",
  "CZ",
  "PT",
  "IE",
  "CN",
  "IN",
  "BR",
  "JP",
  "KR",
  "CA",
  "AU",
  "NO",
  "DK",
  "FI",
  "RO",
  "HU",
  "RS",
  "IR",
  "BY",
  "KZ",
];
const NETWORKS = [
  "AS12389 Rostelecom",
  "AS8359 MTS PJSC",
  "AS31133 PJSC MegaFon",
  "AS4134 CHINANET-BACKBONE",
  "AS9808 China Mobile",
  "Türk Telekom",
  "AS3216 PJSC VimpelCom (Beeline)",
];
const TAGS = [
  "transparency",
  "requests",
  "russia",
  "blocking",
  "abuse",
  "security",
  "outage",
  "law",
  "courts",
  "privacy",
  "encryption",
  "china",
];

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(r: Random, min = 6, max = 14): string {
  const words = Array.from({ length: r.int(min, max) }, () => r.pick(WORDS));
  return `${capitalise(words.join(" "))}.`;
}
const sentences = (r: Random, count: number): string => Array.from({ length: count }, () => sentence(r)).join(" ");

/** A CSV file of `rows` under `header`, written as the site's own downloads are (`writeCsvTable`). */
const csv = (header: readonly string[], rows: readonly (string | number | undefined)[][]): string =>
  writeCsvTable({
    columns: header,
    rows: rows.map((row) => row.map((value) => (value === undefined ? "" : String(value)))),
  });

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A day between 2015 and shortly before `now` (ms since the epoch, at 00:00 UTC). */
const someDay = (r: Random, now: Date): number =>
  FIRST_DAY + r.int(0, Math.floor((now.getTime() - FIRST_DAY) / DAY) - 60) * DAY;

/** A published date at a random precision; mostly whole days. Returns the text and the last day it covers. */
function partialDate(r: Random, day: number): { text: string; end: number } {
  const d = new Date(day);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const roll = r.int(1, 100);
  if (roll <= 80) return { text: isoDay(day), end: day };
  if (roll <= 90) return { text: isoDay(day).slice(0, 7), end: Date.UTC(year, month, 0) };
  if (roll <= 97) {
    const half = month <= 6 ? 1 : 2;
    return { text: `${year}-H${half}`, end: Date.UTC(year, half === 1 ? 6 : 12, 0) };
  }
  return { text: String(year), end: Date.UTC(year, 12, 0) };
}

/** A date-time with an offset on `day`, e.g. `2021-11-08T06:40:00+01:00`. */
function dateTime(r: Random, day: number): string {
  const offset = r.pick(["Z", "+01:00", "+02:00", "+03:00", "-05:00"]);
  const hh = String(r.int(6, 20)).padStart(2, "0");
  const mm = String(r.int(0, 59)).padStart(2, "0");
  return `${isoDay(day)}T${hh}:${mm}:00${offset}`;
}

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

const REQUEST_HEADER = [
  "id",
  "received",
  "country",
  "authority",
  "authority_type",
  "route",
  "legal_process",
  "legal_basis",
  "data_requested",
  "accounts",
  "count",
  "outcome",
  "data_disclosed",
  "rejection_reason",
  "contested",
  "gag_order",
  "user_notified",
  "responded",
  "related",
  "notes",
] as const;
const BLOCKING_HEADER = [
  "id",
  "title",
  "country",
  "started",
  "ended",
  "status",
  "targets",
  "hosts",
  "networks",
  "method",
  "ordered_by",
  "reason",
  "confidence",
  "evidence",
  "last_verified",
  "related",
  "summary",
] as const;
const INCIDENT_HEADER = [
  "id",
  "title",
  "category",
  "severity",
  "started",
  "resolved",
  "accounts_affected",
  "actions",
  "related",
  "summary",
] as const;

const yesNo = (r: Random): string => r.pick(["yes", "no", "no", ""]);
const BLOCKING_STATUS_WEIGHTS: readonly (typeof BLOCKING_STATUSES)[number][] = [
  ...Array<"lifted">(7).fill("lifted"),
  "ongoing",
  "partial",
  "unknown",
];

/** Up to `max` ids of other records (never `self`), in about `share` of the rows. */
function relatedIds(r: Random, all: readonly string[], self: string, share: number, max = 3): string {
  if (!r.chance(share) || all.length < 2) return "";
  return r
    .some(all, r.int(1, max))
    .filter((id) => id !== self)
    .join(";");
}

interface RecordIds {
  requests: string[];
  blockingEvents: string[];
  incidents: string[];
  all: string[];
}

function recordIds(scale: CorpusScale, r: Random, now: Date): RecordIds & { days: Map<string, number> } {
  const days = new Map<string, number>();
  const make = (count: number, name: (day: number, i: number) => string): string[] =>
    Array.from({ length: count }, (_, i) => {
      const day = someDay(r, now);
      const id = name(day, i);
      days.set(id, day);
      return id;
    });
  const pad = (i: number, width: number) => String(i + 1).padStart(width, "0");
  const requests = make(scale.requests, (day, i) => `req-${new Date(day).getUTCFullYear()}-${pad(i, 6)}`);
  const blockingEvents = make(scale.blockingEvents, (day, i) => `blk-${new Date(day).getUTCFullYear()}-${pad(i, 5)}`);
  const incidents = make(scale.incidents, (day, i) => `inc-${new Date(day).getUTCFullYear()}-${pad(i, 5)}`);
  return { requests, blockingEvents, incidents, all: [...requests, ...blockingEvents, ...incidents], days };
}

function requestRows(
  r: Random,
  ids: RecordIds,
  days: Map<string, number>,
  now: Date,
): (string | number | undefined)[][] {
  return ids.requests.map((id) => {
    const received = partialDate(r, days.get(id) ?? FIRST_DAY);
    const outcome = r.pick(OUTCOMES);
    const requested = r.some(DATA_KINDS, r.int(1, 3));
    const disclosing = outcome === "disclosed" || outcome === "partially_disclosed";
    const responded =
      outcome === "pending"
        ? ""
        : r.chance(0.3)
          ? received.text
          : isoDay(Math.min(received.end + r.int(0, 90) * DAY, now.getTime() - DAY));
    const notes = r.chance(0.6) ? (r.chance(0.05) ? `${sentence(r)}\n${sentence(r)}` : sentences(r, r.int(1, 3))) : "";
    return [
      id,
      received.text,
      r.chance(0.02) ? r.pick(COUNTRIES).toLowerCase() : r.pick(COUNTRIES),
      r.chance(0.9) ? r.pick(AUTHORITIES) : "",
      r.chance(0.9) ? r.pick(AUTHORITY_TYPES) : "",
      r.chance(0.9) ? r.pick(ROUTES) : "",
      r.chance(0.8) ? r.pick(LEGAL_PROCESSES) : "",
      r.chance(0.7) ? r.pick(LEGAL_BASES) : "",
      requested.join(";"),
      r.chance(0.8) ? r.int(0, 12) : "",
      r.chance(0.2) ? r.int(1, 9) : "",
      outcome,
      disclosing ? r.some(requested, r.int(1, requested.length)).join(";") : "",
      outcome === "rejected" ? r.pick(REJECTION_REASONS) : "",
      yesNo(r),
      yesNo(r),
      yesNo(r),
      responded,
      relatedIds(r, ids.all, id, 0.1),
      notes,
    ];
  });
}

function blockingRows(
  r: Random,
  ids: RecordIds,
  days: Map<string, number>,
  now: Date,
): (string | number | undefined)[][] {
  return ids.blockingEvents.map((id) => {
    const start = days.get(id) ?? FIRST_DAY;
    const started = partialDate(r, start);
    // Most blocks in a long log are over; a few are still in force (and named in the site-wide banner).
    const status = r.pick(BLOCKING_STATUS_WEIGHTS);
    const endDay = isoDay(Math.min(started.end + r.int(1, 400) * DAY, now.getTime() - DAY));
    const ended =
      status === "lifted" || ((status === "partial" || status === "unknown") && r.chance(0.3)) ? endDay : "";
    const country = r.pick(COUNTRIES);
    return [
      id,
      `${sentence(r, 3, 8).slice(0, -1)} (${country})`,
      country,
      started.text,
      ended,
      status,
      r.some(BLOCKING_TARGETS, r.int(1, 3)).join(";"),
      r.chance(0.7)
        ? r
            .some(
              ["mx1.velinmail.be:25", "mx2.velinmail.be:25", "imap.velinmail.be:993", "www.velinmail.be"],
              r.int(1, 3),
            )
            .join(";")
        : "",
      r.chance(0.7) ? r.some(NETWORKS, r.int(1, 3)).join(";") : "",
      r.chance(0.8) ? r.some(BLOCKING_METHODS, r.int(1, 2)).join(";") : "",
      r.chance(0.5) ? r.pick(AUTHORITIES) : "",
      r.chance(0.6) ? sentence(r) : "",
      r.pick(CONFIDENCE_LEVELS),
      r.chance(0.6) ? `https://explorer.ooni.org/measurement/${id};https://status.velinmail.be/reports/${id}` : "",
      r.chance(0.5) ? isoDay(Math.min(started.end + r.int(0, 500) * DAY, now.getTime() - DAY)) : "",
      relatedIds(r, ids.all, id, 0.3),
      sentences(r, r.int(1, 3)),
    ];
  });
}

function incidentRows(
  r: Random,
  ids: RecordIds,
  days: Map<string, number>,
  now: Date,
): (string | number | undefined)[][] {
  return ids.incidents.map((id) => {
    const start = days.get(id) ?? FIRST_DAY;
    const withTime = r.chance(0.5);
    const started = withTime ? { text: dateTime(r, start), end: start + DAY } : partialDate(r, start);
    const resolvedDay = Math.min(started.end + r.int(1, 60) * DAY, now.getTime() - DAY);
    const resolved = r.chance(0.85) ? (r.chance(0.5) ? dateTime(r, resolvedDay) : isoDay(resolvedDay)) : "";
    return [
      id,
      sentence(r, 3, 9).slice(0, -1),
      r.pick(INCIDENT_CATEGORIES),
      r.pick(SEVERITIES),
      started.text,
      resolved,
      r.chance(0.6) ? r.int(0, 500) : "",
      r.chance(0.7) ? sentences(r, r.int(1, 2)) : "",
      relatedIds(r, ids.all, id, 0.2),
      sentences(r, r.int(1, 3)),
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------------------------

const yamlString = (text: string): string => JSON.stringify(text);
const yamlList = (key: string, items: readonly string[]): string =>
  items.length === 0 ? "" : `${key}:\n${items.map((item) => `  - ${item}`).join("\n")}\n`;

function postFile(
  r: Random,
  index: number,
  authorIds: readonly string[],
  recordIdsAll: readonly string[],
  now: Date,
): { slug: string; text: string } {
  const slug = `post-${String(index + 1).padStart(4, "0")}-${r.pick(WORDS)}-${r.pick(WORDS)}`;
  const title = sentence(r, 4, 10).slice(0, -1);
  const description = sentence(r, 8, 16).slice(0, 200);
  const day = someDay(r, new Date(now.getTime() - DAY));
  const related = r.chance(0.6) ? r.some(recordIdsAll, r.int(1, 4)) : [];
  const shown = r.chance(0.3) && recordIdsAll.length > 0 ? r.pick(recordIdsAll) : undefined;
  const paragraphs = Array.from({ length: r.int(3, 7) }, () => sentences(r, r.int(3, 6)));
  const body = [
    paragraphs[0],
    `## ${sentence(r, 2, 5).slice(0, -1)}`,
    ...paragraphs.slice(1, 3),
    `- ${sentence(r)}\n- ${sentence(r)}\n- ${sentence(r)}`,
    ...(shown ? [`<Record id="${shown}" />`] : []),
    `## ${sentence(r, 2, 5).slice(0, -1)}`,
    `| ${capitalise(r.pick(WORDS))} | Count |\n| --- | --- |\n| ${r.pick(WORDS)} | ${r.int(1, 99)} |\n| ${r.pick(WORDS)} | ${r.int(1, 99)} |`,
    ...paragraphs.slice(3),
    ...(r.chance(0.2) ? [`<Callout type="note">\n${sentence(r)}\n</Callout>`] : []),
  ];
  const frontmatter = [
    `title: ${yamlString(title)}`,
    `description: ${yamlString(description)}`,
    `date: "${isoDay(day)}"`,
    r.chance(0.1) ? `updated: "${isoDay(Math.min(day + r.int(1, 200) * DAY, now.getTime() - DAY))}"` : "",
    yamlList("authors", r.some(authorIds, r.int(1, 2))),
    yamlList("tags", r.some(TAGS, r.int(0, 3))),
    yamlList("related", related),
  ].filter((part) => part !== "");
  const text = `---\n${frontmatter.map((part) => part.trimEnd()).join("\n")}\n---\n\n${body.join("\n\n")}\n`;
  return { slug, text };
}

function authorFile(r: Random, index: number): { id: string; text: string } {
  const name = `${NAMES[index % NAMES.length]} ${SURNAMES[(index * 7) % SURNAMES.length]}${index >= NAMES.length ? ` ${index + 1}` : ""}`;
  const id = `author-${index + 1}`;
  const text = `---\nname: ${yamlString(name)}\nrole: ${yamlString(capitalise(r.pick(WORDS)))}\nbio: ${yamlString(sentences(r, 2).slice(0, 280))}\n---\n\n${sentences(r, 3)}\n`;
  return { id, text };
}

const pageFile = (title: string, r: Random): string =>
  `---\ntitle: ${yamlString(title)}\ndescription: ${yamlString(sentence(r))}\n---\n\n${sentences(r, 4)}\n\n## ${sentence(r, 2, 4).slice(0, -1)}\n\n${sentences(r, 5)}\n`;

/**
 * The repository's own signed canary (canary.md, its signature and key): the build verifies the
 * signature with the key pinned in src/site.config.ts, so a generated canary could not be signed.
 * Signed 2026-11-28 07:35 UTC, valid until 2027-02-01: current at CORPUS_NOW.
 */
function canaryFiles(): [string, string][] {
  return ["canary.md", "canary.md.asc", "canary-key.asc"].map((name) => [
    `content/${name}`,
    readFileSync(path.resolve(import.meta.dirname, "../content", name), "utf8"),
  ]);
}

/** Generates a whole project at the given scale (pure: the same options give the same files). */
export function generateCorpus(options: CorpusOptions): Corpus {
  const now = options.now ?? CORPUS_NOW;
  const r = random(options.seed ?? 1);
  const files = new Map<string, string>();
  const ids = recordIds(options, r, now);
  files.set("data/requests.csv", csv(REQUEST_HEADER, requestRows(r, ids, ids.days, now)));
  files.set("data/blocking-events.csv", csv(BLOCKING_HEADER, blockingRows(r, ids, ids.days, now)));
  files.set("data/incidents.csv", csv(INCIDENT_HEADER, incidentRows(r, ids, ids.days, now)));

  const authorCount = Math.max(1, options.authors ?? 5);
  const authors = Array.from({ length: authorCount }, (_, i) => authorFile(r, i));
  for (const author of authors) files.set(`content/authors/${author.id}.mdx`, author.text);
  for (let i = 0; i < options.posts; i++) {
    const post = postFile(
      r,
      i,
      authors.map((a) => a.id),
      ids.all,
      now,
    );
    files.set(`content/blog/${post.slug}.mdx`, post.text);
  }
  files.set("content/pages/about.mdx", pageFile("About this site", r));
  files.set("content/pages/methodology.mdx", pageFile("Methodology", r));
  // Long write-ups are for the big stories: one blocking event in 25, one incident in 50, one request in 1,000.
  const every = (list: readonly string[], n: number) => list.filter((_, i) => i % n === n - 1);
  const writeups = [...every(ids.blockingEvents, 25), ...every(ids.incidents, 50), ...every(ids.requests, 1_000)];
  for (const id of writeups)
    files.set(
      `content/records/${id}.mdx`,
      `---\ntitle: ${yamlString(sentence(r, 2, 5).slice(0, -1))}\n---\n\n${sentences(r, 4)}\n\n${sentences(r, 4)}\n`,
    );
  for (const [name, text] of canaryFiles()) files.set(name, text);
  return {
    files,
    counts: {
      requests: options.requests,
      blockingEvents: options.blockingEvents,
      incidents: options.incidents,
      posts: options.posts,
      authors: authorCount,
      pages: 2,
      writeups: writeups.length,
    },
  };
}

/** Writes the corpus's files under `root` (folders are made as needed). */
export async function writeCorpus(root: string, corpus: Corpus): Promise<void> {
  for (const [relative, text] of corpus.files) {
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}
