import { z } from "zod";

/**
 * A published number: exact (`low === high`) or a band a report gives instead of a number, like
 * `0-249`. Sums and differences of bands are bands; a band is never shown as one of its ends.
 */
export interface Band {
  low: number;
  /** `Infinity` where only a lower bound is known (a sum over values some of which are unknown). */
  high: number;
}

/** The largest published number: more than any provider has received (a typo guard). */
export const MAX_PUBLISHED = 1_000_000_000;

const EXPECTED = `a whole number (like 446), or a published band A-B (like 0-249), from 0 to ${MAX_PUBLISHED.toLocaleString("en")}`;

/** An exact band. */
export const exact = (n: number): Band => ({ low: n, high: n });

/** Whether a band is one number. */
export const isExact = (band: Band): boolean => band.low === band.high;

/** The sum of bands (an empty sum is exactly 0). */
export function addBands(bands: readonly Band[]): Band {
  return bands.reduce((sum, b) => ({ low: sum.low + b.low, high: sum.high + b.high }), exact(0));
}

/** What is left of `total` after `parts`, never below 0 (the parts may not sum to more than the total). */
export function remainder(total: Band, parts: Band): Band {
  return { low: Math.max(0, total.low - parts.high), high: Math.max(0, total.high - parts.low) };
}

/** Whether two bands can be the same number: they overlap. */
export const bandsOverlap = (a: Band, b: Band): boolean => a.low <= b.high && b.low <= a.high;

/** A band as the CSV writes it: `446`, `0-249`, or `12+` where only a lower bound is known. */
export function bandText(band: Band): string {
  if (isExact(band)) return String(band.low);
  return Number.isFinite(band.high) ? `${band.low}-${band.high}` : `${band.low}+`;
}

/** Schema of a parsed band. */
export const BandSchema = z.object({ low: z.number().int().min(0), high: z.number().int().min(0) });

/** A CSV cell holding a published number or band; a band whose lower bound exceeds its upper is refused. */
export function bandValue() {
  return z
    .string({ error: EXPECTED })
    .transform((cell, ctx): Band => {
      const match = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(cell.trim());
      const low = Number(match?.[1]);
      const high = match?.[2] === undefined ? low : Number(match[2]);
      if (!match || high > MAX_PUBLISHED || low > MAX_PUBLISHED) {
        ctx.issues.push({ code: "custom", message: EXPECTED, input: cell });
        return z.NEVER;
      }
      if (low > high) {
        ctx.issues.push({
          code: "custom",
          message: `a band whose lower bound is not above its upper bound (${high}-${low}?)`,
          input: cell,
        });
        return z.NEVER;
      }
      return { low, high };
    })
    .pipe(BandSchema);
}
