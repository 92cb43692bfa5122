import { label } from "../format/labels.ts";
import type { RequestView } from "../model/record-views.ts";
import { OUTCOMES } from "../contract/schemas/vocabulary.ts";

/** One filter of the request table: a name (`year`, `country`, `outcome`) and its values. */
export interface FilterDimension {
  name: string;
  values: string[];
}

const cssString = (value: string): string => `"${value.replace(/["\\]/g, "\\$&")}"`;

/**
 * CSS that filters the request table without JavaScript: for each value of each dimension, when
 * that radio button is checked, rows whose `data-<name>` differs are hidden. Scoped to `#tableId`.
 */
export function requestFilterCss(tableId: string, dimensions: readonly FilterDimension[]): string {
  const rules: string[] = [];
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
 * The filters of a request table: the years (newest first), countries (by name in the site's
 * language) and outcomes (in the contract's order) that its requests have.
 */
export function requestFilters(requests: readonly RequestView[], locale: string): FilterControl[] {
  const years = [...new Set(requests.map((r) => r.data.received.start.slice(0, 4)))].sort().reverse();
  const countries = [...new Map(requests.map((r) => [r.data.country, r.countryName]))].sort(([, a], [, b]) =>
    a.localeCompare(b, locale),
  );
  const outcomes = OUTCOMES.filter((o) => requests.some((r) => r.data.outcome === o));
  return [
    { name: "year", legend: "Year received", values: years.map((v) => ({ value: v, text: v })) },
    { name: "country", legend: "Country", values: countries.map(([value, text]) => ({ value, text })) },
    { name: "outcome", legend: "Outcome", values: outcomes.map((v) => ({ value: v, text: label(v) })) },
  ];
}
