/** Days before expiry from which validate and build warn that the canary must be renewed. */
export const CANARY_WARNING_DAYS = 14;

/** Where a warrant canary stands at a given moment. */
export interface CanaryStatus {
  state: "current" | "expiring" | "expired";
  /** Whole days left until the end of the expiry day, UTC (negative once expired). */
  daysLeft: number;
}

const DAY_MS = 86_400_000;

/**
 * The canary's state at `now`: valid through the whole of its `expires` day (UTC), "expiring" when
 * fewer than 14 whole days remain, and expired from the next day on.
 */
export function canaryStatus(expires: string, now: Date): CanaryStatus {
  const endOfExpiryDay = Date.parse(`${expires}T23:59:59.999Z`);
  const msLeft = endOfExpiryDay - now.getTime();
  if (msLeft < 0) return { state: "expired", daysLeft: -Math.ceil(-msLeft / DAY_MS) };
  const daysLeft = Math.floor(msLeft / DAY_MS);
  return { state: daysLeft < CANARY_WARNING_DAYS ? "expiring" : "current", daysLeft };
}
