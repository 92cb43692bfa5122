/** A value that occurs `weight` times (a whole number ≥ 0). */
export interface WeightedValue {
  value: number;
  weight: number;
}

/**
 * The median of values that each occur `weight` times: what d3's `median` gives over the list with every
 * value repeated `weight` times (the mean of the two middle values when the total weight is even), without
 * making that list. It costs O(k log k) for k distinct values, whatever the weights; positions are counted
 * exactly (as bigints) even when the total weight is beyond `Number.MAX_SAFE_INTEGER`. Undefined when the
 * total weight is 0.
 */
export function weightedMedian(values: Iterable<WeightedValue>): number | undefined {
  const weights = new Map<number, bigint>();
  let total = 0n;
  for (const { value, weight } of values) {
    if (weight <= 0 || Number.isNaN(value)) continue;
    const w = BigInt(weight);
    weights.set(value, (weights.get(value) ?? 0n) + w);
    total += w;
  }
  if (total === 0n) return undefined;
  const lower = (total - 1n) / 2n;
  const upper = total / 2n;
  let seen = 0n;
  let low: number | undefined;
  for (const value of [...weights.keys()].sort((a, b) => a - b)) {
    seen += weights.get(value) ?? 0n;
    if (low === undefined && seen > lower) low = value;
    if (seen > upper) return low === undefined || low === value ? value : (low + value) / 2;
  }
  return low;
}
