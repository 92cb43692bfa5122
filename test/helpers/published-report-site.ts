import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeFixtureSite, repoRoot } from "./fixture-site.ts";

/** Where the real published reports are kept (test/fixtures/published-reports/README.md). */
export const PUBLISHED_REPORTS = path.join(repoRoot, "test/fixtures/published-reports");

/** One printed total of expected.json: the oracle, written by hand from the sources. */
export interface PrintedTotal {
  period: string;
  service: string | null;
  measure: string;
  value: number | string;
  printed: string;
}

/** What expected.json says of one provider. */
export interface PublishedReportFacts {
  jurisdiction: string;
  services: string[];
  totals: PrintedTotal[];
}

/** The facts of a provider in expected.json. */
export function publishedReportFacts(provider: string): PublishedReportFacts {
  const all = JSON.parse(readFileSync(path.join(PUBLISHED_REPORTS, "expected.json"), "utf8")) as {
    providers: Record<string, PublishedReportFacts>;
  };
  const facts = all.providers[provider];
  if (!facts) throw new Error(`expected.json has no provider ${provider}`);
  return facts;
}

const write = (file: string, text: string): void => writeFileSync(file, text);

/**
 * A fixture site of one real published report, as the fixtures' README says to build one: its
 * figures.csv as data/figures.csv beside a ledger with only its header line, blocking events and
 * incidents unpublished, the publisher's country as `organisation.jurisdiction`, its services (from
 * services.json) as the config's `services`, yearly reporting periods, and no blog post, page or
 * write-up (the sample's refer to its own records and periods). Returns the site's folder.
 */
export function publishedReportSite(provider: string): string {
  const facts = publishedReportFacts(provider);
  // In the main language only: the sample's translated posts and write-ups go, with the rest of its content.
  const dir = makeFixtureSite(`published-report-${provider}`, repoRoot, { translations: [] });
  const source = path.join(PUBLISHED_REPORTS, provider);
  write(path.join(dir, "data/figures.csv"), readFileSync(path.join(source, "figures.csv"), "utf8"));
  const header = readFileSync(path.join(repoRoot, "data/requests.csv"), "utf8").split(/\r?\n/)[0] ?? "";
  write(path.join(dir, "data/requests.csv"), `${header}\n`);
  for (const file of ["data/blocking-events.csv", "data/incidents.csv"]) rmSync(path.join(dir, file));
  for (const folder of ["content/blog", "content/pages", "content/records"])
    rmSync(path.join(dir, folder), { recursive: true, force: true });
  const servicesFile = path.join(source, "services.json");
  const services = existsSync(servicesFile)
    ? (JSON.parse(readFileSync(servicesFile, "utf8")) as { id: string; name: string }[])
    : [{ id: "service", name: "Service" }];
  const configFile = path.join(dir, "src/site.config.ts");
  const config = readFileSync(configFile, "utf8")
    .replace(/jurisdiction: "[A-Z]{2}"/, `jurisdiction: ${JSON.stringify(facts.jurisdiction)}`)
    .replace(/period: "half"/, 'period: "year"')
    .replace(/ {2}services: \[[^]*?\n {2}\],\n/, `  services: ${JSON.stringify(services)},\n`)
    .replace("  blog: {", "  publishes: { requests: true, blockingEvents: false, incidents: false },\n  blog: {");
  write(configFile, config);
  return dir;
}
