import { numberFormat } from "../../format/intl-cache.ts";

/** Small-count protection: a per-country figure below `threshold` is published as "fewer than N". */
export interface CountDisplay {
  /** The exact value, or undefined when it is withheld. */
  value: number | undefined;
  /** What readers see. */
  text: string;
}

/** Shows `n` as it is, or as "fewer than `threshold`" when 0 < n < threshold (zero is never hidden). */
export function protectSmallCount(n: number, threshold: number | undefined, locale = "en"): CountDisplay {
  if (threshold !== undefined && n > 0 && n < threshold) return { value: undefined, text: `fewer than ${threshold}` };
  return { value: n, text: numberFormat(locale).format(n) };
}
