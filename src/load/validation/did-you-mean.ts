import { closest, distance } from "fastest-levenshtein";

/** Returns ` (did you mean "x"?)` for the allowed word closest to `found`, or "" when none is close. */
export function didYouMean(found: unknown, allowed: readonly string[]): string {
  if (typeof found !== "string" || found.trim() === "" || allowed.length === 0) return "";
  const lower = found.trim().toLowerCase();
  const byLower = new Map(allowed.map((word) => [word.toLowerCase(), word]));
  // A suggestion helps when it is a case or spacing slip, or a short edit away.
  const normalised = lower.replace(/[\s-]+/g, "_");
  const exact = byLower.get(normalised) ?? byLower.get(lower);
  if (exact !== undefined) return ` (did you mean "${exact}"?)`;
  const best = closest(lower, [...byLower.keys()]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(lower, best) <= limit ? ` (did you mean "${byLower.get(best) ?? best}"?)` : "";
}
