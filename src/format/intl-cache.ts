import { remembered } from "./remembered.ts";

/**
 * Shared `Intl` formatters. Making one costs far more than using it (tens of microseconds against
 * one or two), and a build formats dates, numbers and country names on every one of thousands of
 * pages, so each formatter is made once per locale and options and then reused. Formatters hold no
 * state between calls, so sharing them changes no output.
 */
const formatters = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  return remembered(
    formatters,
    `${kind}\u0000${locale}\u0000${options === undefined ? "" : JSON.stringify(options)}`,
    make,
  ) as T;
}

/** `new Intl.DateTimeFormat(locale, options)`, made once. */
export const dateTimeFormat = (locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached("date", locale, options, () => new Intl.DateTimeFormat(locale, options));

/** `new Intl.NumberFormat(locale, options)`, made once; `numberFormat(locale).format(n)` is `n.toLocaleString(locale)`. */
export const numberFormat = (locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached("number", locale, options, () => new Intl.NumberFormat(locale, options));

/** `new Intl.DisplayNames([locale], options)`, made once. */
export const displayNames = (locale: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames =>
  cached("names", locale, options, () => new Intl.DisplayNames([locale], options));

/** `new Intl.ListFormat(locale, options)`, made once. */
export const listFormat = (locale: string, options?: Intl.ListFormatOptions): Intl.ListFormat =>
  cached("list", locale, options, () => new Intl.ListFormat(locale, options));
