import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
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
} from "../../src/contract/schemas/vocabulary.ts";

/**
 * fast-check generators of data files as an editor could write them: rows of `data/*.csv` meant to be
 * valid (they follow the contract's rules), with the edges that once broke the build: counts of 1 and of
 * Number.MAX_SAFE_INTEGER, very long titles, every vocabulary word, blank optional cells, dates from 1900
 * to `latest`, and text in Persian (with its zero-width non-joiner), Russian, French and emoji. Cells are
 * strings; `toCsv` writes them as Excel's "CSV UTF-8" does (byte-order mark, CRLF, quotes where needed).
 */

/** A CSV row: column name → cell text. */
export type CsvRow = Record<string, string>;

/** Text as editors write it, a few characters to a few lines. */
const SAMPLE_TEXT = [
  "Parquet général de Liège",
  "Генеральная прокуратура Российской Федерации",
  "دادستانی کل کشور می‌خواهد اطلاعات را",
  "Bundeskriminalamt – § 100j StPO",
  "Webmail blocked 🙂 👩‍👩‍👧 🇧🇪",
  'A "quoted" word, a comma; a semicolon',
  "Two lines\r\nin one cell",
  "100% of €5 <b>&amp;</b>",
  "日本語のテキスト",
  "x",
] as const;

/** Free text: one of the samples, any graphemes, or now and then a very long title. */
export const textCell = (maxLength = 80): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SAMPLE_TEXT) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...SAMPLE_TEXT), fc.integer({ min: 200, max: 4_000 }))
        .map(([text, times]) => `${text} `.repeat(times).trim()),
    },
  );

/** A blank cell, or one of `words`. */
const maybe = <T extends string>(words: readonly T[]): fc.Arbitrary<string> =>
  fc.oneof(fc.constant(""), fc.constantFrom(...words));

/** Between `min` and all of `words`, as a `;`-separated list. */
const listOf = (words: readonly string[], min: number): fc.Arbitrary<string> =>
  fc.subarray([...words], { minLength: min }).map((list) => list.join(";"));

const iso = (date: Date): string => date.toISOString().slice(0, 10);

/** A day between 1 January 1900 and `latest`. */
const day = (latest: Date): fc.Arbitrary<Date> =>
  fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: latest, noInvalidDate: true });

/** A published date of any precision, never after `latest`: the day itself, its month, half-year or year. */
const partialDate = (latest: Date): fc.Arbitrary<{ text: string; day: Date; exact: boolean }> =>
  fc.tuple(day(latest), fc.constantFrom("day", "month", "half", "year")).map(([date, precision]) => {
    const text = iso(date);
    const cut = {
      day: text,
      month: text.slice(0, 7),
      half: `${text.slice(0, 4)}-H${date.getUTCMonth() < 6 ? 1 : 2}`,
      year: text.slice(0, 4),
    }[precision];
    return { text: cut ?? text, day: date, exact: precision === "day" };
  });

/** A count cell: blank (1), 1, small, or large up to Number.MAX_SAFE_INTEGER. */
export const countCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("", "1") },
  { weight: 3, arbitrary: fc.integer({ min: 2, max: 1_000 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("1000000", "10000000", String(Number.MAX_SAFE_INTEGER)) },
);

const COUNTRIES = ["BE", "RU", "IR", "CN", "DE", "FR", "US", "TR", "BY", "AF", "TM", "BR"] as const;

/** A request row that follows the contract's rules (outcome, disclosed data, rejection reason, dates). */
export const requestRow = (latest: Date): fc.Arbitrary<CsvRow> =>
  fc
    .record({
      received: partialDate(latest),
      country: fc.constantFrom(...COUNTRIES),
      authority: fc.oneof(fc.constant(""), textCell()),
      authority_type: maybe(AUTHORITY_TYPES),
      route: maybe(ROUTES),
      legal_process: maybe(LEGAL_PROCESSES),
      legal_basis: fc.oneof(fc.constant(""), textCell()),
      data_requested: listOf(DATA_KINDS, 1),
      accounts: fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 5_000 }).map(String)),
      count: countCell,
      outcome: fc.constantFrom(...OUTCOMES),
      disclosed: listOf(DATA_KINDS, 1),
      rejection_reason: fc.constantFrom(...REJECTION_REASONS),
      contested: maybe(["yes", "no"]),
      gag_order: maybe(["yes", "no"]),
      user_notified: maybe(["yes", "no"]),
      responseDays: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: undefined }),
      notes: fc.oneof(fc.constant(""), textCell(200)),
    })
    .map(({ received, disclosed, responseDays, ...r }): CsvRow => {
      const disclosing = r.outcome === "disclosed" || r.outcome === "partially_disclosed";
      const answered =
        responseDays === undefined || !received.exact ? undefined : received.day.getTime() + responseDays * 86_400_000;
      return {
        ...r,
        received: received.text,
        data_disclosed: disclosing ? disclosed : "",
        rejection_reason: r.outcome === "rejected" ? r.rejection_reason : "",
        responded: answered === undefined ? "" : iso(new Date(Math.min(answered, latest.getTime()))),
      };
    });

/** A blocking-event row: ongoing events have no end, lifted ones have one, never before the start. */
export const blockingEventRow = (latest: Date): fc.Arbitrary<CsvRow> =>
  fc
    .record({
      title: textCell(),
      country: fc.constantFrom(...COUNTRIES),
      started: day(latest),
      lastedDays: fc.integer({ min: 0, max: 3_000 }),
      status: fc.constantFrom(...BLOCKING_STATUSES),
      targets: listOf(BLOCKING_TARGETS, 1),
      hosts: fc.constantFrom("", "mx1.example.org:25", "mx1.example.org:25;www.example.org"),
      networks: fc.constantFrom("", "AS12389 Rostelecom", "AS12389 Rostelecom;Iran Telecom"),
      method: listOf(BLOCKING_METHODS, 0),
      ordered_by: fc.oneof(fc.constant(""), textCell()),
      reason: fc.oneof(fc.constant(""), textCell(200)),
      confidence: fc.constantFrom(...CONFIDENCE_LEVELS),
      evidence: fc.constantFrom(
        "",
        "https://explorer.ooni.org/m/20200304T101530Z_webconnectivity_RU_12389_n1_AbC",
        "https://explorer.ooni.org/measurement/caf%C3%A9;https://example.org/report.pdf?a=1&b=%20",
      ),
      summary: textCell(300),
    })
    .map(({ started, lastedDays, ...e }): CsvRow => {
      const ended = new Date(Math.min(started.getTime() + lastedDays * 86_400_000, latest.getTime()));
      const hasEnd = e.status === "lifted" || (e.status !== "ongoing" && lastedDays % 2 === 0);
      return {
        ...e,
        started: iso(started),
        ended: hasEnd ? iso(ended) : "",
        last_verified: lastedDays % 3 === 0 ? iso(ended) : "",
      };
    });

/** An incident row: resolved (or not) no earlier than it started. */
export const incidentRow = (latest: Date): fc.Arbitrary<CsvRow> =>
  fc
    .record({
      title: textCell(),
      category: fc.constantFrom(...INCIDENT_CATEGORIES),
      severity: fc.constantFrom(...SEVERITIES),
      started: day(latest),
      lastedHours: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
      accounts_affected: fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 1_000_000 }).map(String)),
      actions: fc.oneof(fc.constant(""), textCell(200)),
      summary: textCell(300),
    })
    .map(({ started, lastedHours, ...i }): CsvRow => {
      const resolved =
        lastedHours === undefined
          ? ""
          : new Date(Math.min(started.getTime() + lastedHours * 3_600_000, latest.getTime())).toISOString();
      return { ...i, started: started.toISOString().replace(".000", ""), resolved: resolved.replace(".000", "") };
    });

/** Rows with ids `${prefix}-1`, `${prefix}-2`, … in front, as Excel's "CSV UTF-8" writes them. */
export function toCsv(prefix: string, rows: readonly CsvRow[], header: readonly string[]): string {
  const records = rows.map((row, i) => ({ ...row, id: `${prefix}-${i + 1}`, related: "" }));
  return stringify(records, { header: true, columns: [...header], bom: true, record_delimiter: "\r\n" });
}
