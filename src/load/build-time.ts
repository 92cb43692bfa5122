/**
 * The moment the site is built for: `SOURCE_DATE_EPOCH` (seconds) when set, so builds and tests
 * are reproducible, else the current time.
 */
export function buildTime(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env["SOURCE_DATE_EPOCH"];
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}
