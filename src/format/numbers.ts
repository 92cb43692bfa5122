import { numberFormat } from "./intl-cache.ts";

/** Formats a whole number for the site's language, e.g. 1234 → "1,234". */
export function formatNumber(n: number, locale = "en"): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** Formats a share (0–1) as a percentage with at most one decimal, or "n/a" when undefined. */
export function formatPercent(share: number | undefined, locale = "en"): string {
  if (share === undefined) return "n/a";
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** Formats a number of days, e.g. "12 days", or "n/a" when unknown. */
export function formatDays(days: number | undefined, locale = "en"): string {
  if (days === undefined) return "n/a";
  const n = numberFormat(locale, { maximumFractionDigits: 1 }).format(days);
  return `${n} day${days === 1 ? "" : "s"}`;
}

/** Formats a published number or band: "446", "0–249", or "at least 12" where only a lower bound is known. */
export function formatBand(band: { low: number; high: number }, locale = "en"): string {
  if (band.low === band.high) return formatNumber(band.low, locale);
  if (!Number.isFinite(band.high)) return `at least ${formatNumber(band.low, locale)}`;
  return `${formatNumber(band.low, locale)}–${formatNumber(band.high, locale)}`;
}
