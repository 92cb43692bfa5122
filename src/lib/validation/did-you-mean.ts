import { closest, distance } from "fastest-levenshtein";

/** Returns ` (did you mean "x"?)` for the allowed word closest to `found`, or "" when none is close. */
export function didYouMean(found: unknown, allowed: readonly string[]): string {
  if (typeof found !== "string" || found.trim() === "" || allowed.length === 0) return "";
  const lower = found.trim().toLowerCase();
  const best = closest(lower, [...allowed]);
  // A suggestion helps when it is a case or spacing slip, or a short edit away.
  const normalised = lower.replace(/[\s-]+/g, "_");
  if (allowed.includes(normalised)) return ` (did you mean "${normalised}"?)`;
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(lower, best) <= limit ? ` (did you mean "${best}"?)` : "";
}
