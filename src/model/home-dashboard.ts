import type { BlockingEventView } from "./record-views.ts";

/** The blocks in force in one country, as the home page lists them. */
export interface CountryBlocks {
  countryName: string;
  countryPath: string;
  /** Newest first, as the model lists blocks in force. */
  events: BlockingEventView[];
}

/** The blocks in force grouped by country, countries in the order of their newest block; empty when none is in force. */
export function blocksByCountry(inForce: readonly BlockingEventView[]): CountryBlocks[] {
  return [...Map.groupBy(inForce, (event) => event.countryPath)].map(([countryPath, events]) => ({
    countryName: events[0]?.countryName ?? "",
    countryPath,
    events,
  }));
}
