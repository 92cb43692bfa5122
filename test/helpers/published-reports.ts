import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadProject } from "../../src/load/project/load-project.ts";
import { FIXED_NOW, repoRoot } from "./fixture-site.ts";

/** Real transparency reports, entered as their publishers printed them (see its README.md). */
export const publishedReportsFolder = path.join(repoRoot, "test/fixtures/published-reports");

/** A printed total of a report, written down by hand from its source. */
export interface PublishedTotal {
  period: string;
  service: string | null;
  measure: string;
  value: number | string;
}

/** What expected.json says of a provider: its country, the services it reports apart, and its printed totals. */
export interface PublishedProvider {
  jurisdiction: string;
  services: string[];
  totals: PublishedTotal[];
}

/** expected.json: per provider, the oracle the figures are compared with. */
export const publishedProviders = (
  JSON.parse(readFileSync(path.join(publishedReportsFolder, "expected.json"), "utf8")) as {
    providers: Record<string, PublishedProvider>;
  }
).providers;

/** A file of a provider's folder. */
export const readPublished = (provider: string, file: string): string =>
  readFileSync(path.join(publishedReportsFolder, provider, file), "utf8");

/** The services a provider reports apart, with their names (services.json), or none. */
export function publishedServices(provider: string): { id: string; name: string }[] {
  try {
    return JSON.parse(readPublished(provider, "services.json")) as { id: string; name: string }[];
  } catch {
    return [];
  }
}

const LEDGER_HEADER = readFileSync(path.join(repoRoot, "data/requests.csv"), "utf8").split(/\r?\n/)[0] ?? "";

/** Loads a provider's figures as a site's data/figures.csv, beside an empty ledger, as validate and the build do. */
export async function loadPublished(
  provider: string,
  figures = readPublished(provider, "figures.csv"),
  jurisdiction?: string,
) {
  const dir = path.join(repoRoot, "test/.tmp/published-reports", provider);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "data"), { recursive: true });
  writeFileSync(path.join(dir, "data/figures.csv"), figures);
  writeFileSync(path.join(dir, "data/requests.csv"), `${LEDGER_HEADER}\n`);
  const facts = publishedProviders[provider] ?? { jurisdiction: "", services: [], totals: [] };
  return loadProject(dir, {
    now: FIXED_NOW,
    requireDataFiles: true,
    canary: undefined,
    allowCode: false,
    publishes: { requests: true, blockingEvents: false, incidents: false },
    services: facts.services,
    jurisdiction: jurisdiction ?? facts.jurisdiction,
  });
}
