import { label } from "../format/labels.ts";
import type { Translator } from "../i18n/dictionary.ts";
import { englishTranslator } from "../i18n/english.ts";
import type { RequestView } from "../model/record-views.ts";
import { OUTCOMES } from "../contract/schemas/vocabulary.ts";

/** One filter of the request table: a name (`year`, `country`, `outcome`) and its values. */
export interface FilterDimension {
  name: string;
  values: string[];
}

const cssString = (value: string): string => `"${value.replace(/["\\]/g, "\\$&")}"`;

/** Class of a table row that stands for `count` identical requests (counted `count` times by the filter's tally). */
export const countClass = (count: number): string => `requests-${count}`;

/** A counter of the tally, as `Translator.parts` gives it back from the message's values. */
interface Counter {
  counter: string;
}

/**
 * CSS that filters the request table without JavaScript: for each value of each dimension, when
 * that radio button is checked, rows whose `data-<name>` differs are hidden. Scoped to `#tableId`.
 * It also tallies what is shown, in the element of class `filter-tally` (after the table, so the
 * counters have seen every row): requests (a row of class `countClass(n)` counts n times) and
 * records; rows hidden by the filter count for nothing. At 0, it says so (`report.requestTable.noMatch`), through a
 * counter style whose only symbol is for 0. The tally's words are `words`' (English by default), its counters placed
 * where the language's message puts them.
 */
export function requestFilterCss(
  tableId: string,
  dimensions: readonly FilterDimension[],
  counts: readonly number[] = [],
  words: Translator = englishTranslator(),
): string {
  const table = `#${tableId}`;
  const requests = `${tableId}-requests`;
  const records = `${tableId}-records`;
  const tally = words
    .parts<Counter>("report.requestTable.shown", { requests: { counter: requests }, records: { counter: records } })
    .map((part) => (typeof part === "string" ? cssString(part) : `counter(${part.counter})`))
    .join(" ");
  const rules: string[] = [
    `@counter-style ${tableId}-none { system: fixed 0; symbols: ${cssString(words.t("report.requestTable.noMatch"))}; fallback: ${tableId}-blank; }`,
    `@counter-style ${tableId}-blank { system: cyclic; symbols: ""; }`,
    `${table} { counter-reset: ${requests} ${records}; }`,
    `${table} tbody tr { counter-increment: ${requests} 1 ${records} 1; }`,
    ...[...new Set(counts)]
      .filter((n) => n !== 1)
      .sort((a, b) => a - b)
      .map((n) => `${table} tbody tr.${countClass(n)} { counter-increment: ${requests} ${n} ${records} 1; }`),
    `${table} .filter-tally::before { content: ${tally}; }`,
    `${table} .filter-tally::after { content: " " counter(${requests}, ${tableId}-none); }`,
  ];
  for (const { name, values } of dimensions) {
    for (const value of values) {
      const checked = `#${tableId}:has(input[name=${cssString(name)}][value=${cssString(value)}]:checked)`;
      rules.push(`${checked} tbody tr:not([data-${name}=${cssString(value)}]) { display: none; }`);
    }
  }
  return rules.join("\n");
}

/** A filter of the request table as shown: its legend and each value with its words. */
export interface FilterControl {
  name: string;
  legend: string;
  values: { value: string; text: string }[];
}

/**
 * The filters of a request table: the years (newest first), countries (by name, sorted in `words`' language) and
 * outcomes (in the contract's order) that its requests have, with legends and outcome names in that language.
 */
export function requestFilters(requests: readonly RequestView[], words: Translator): FilterControl[] {
  const { t } = words;
  const locale = words.language.tag;
  const years = [...new Set(requests.map((r) => r.data.received.start.slice(0, 4)))].sort().reverse();
  const countries = [...new Map(requests.map((r) => [r.data.country, r.countryName]))].sort(([, a], [, b]) =>
    a.localeCompare(b, locale),
  );
  const outcomes = OUTCOMES.filter((o) => requests.some((r) => r.data.outcome === o));
  return [
    { name: "year", legend: t("report.requestTable.yearReceived"), values: years.map((v) => ({ value: v, text: v })) },
    {
      name: "country",
      legend: t("report.requestTable.country"),
      values: countries.map(([value, text]) => ({ value, text })),
    },
    {
      name: "outcome",
      legend: t("report.requestTable.outcome"),
      values: outcomes.map((v) => ({ value: v, text: label(v, words) })),
    },
  ];
}
