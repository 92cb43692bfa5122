import type { BlockingEvent } from "../../contract/schemas/blocking-event.ts";
import type { SiteConfig } from "../../contract/site-config-schema.ts";
import { isInForce } from "./record-timing.ts";

/**
 * The events the site-wide banner names: in force, and blocking a target of a core service. Empty when
 * the banner is off. The site model works it out once per build.
 */
export function bannerEvents<T extends { data: Pick<BlockingEvent, "status" | "ended" | "targets"> }>(
  events: readonly T[],
  config: Pick<SiteConfig, "blockingBanner" | "services">,
): T[] {
  if (!config.blockingBanner) return [];
  const coreTargets = new Set(config.services.filter((service) => service.core).flatMap((service) => service.targets));
  return events.filter(
    (event) => isInForce(event.data) && event.data.targets.some((target) => coreTargets.has(target)),
  );
}

/** One place a core service is blocked, as the banner names it. */
export interface BannerPlace {
  countryName: string;
  /** The block's page when one event blocks the service there, else the country's page. */
  path: string;
  /** Every block of the service there is partial. */
  partial: boolean;
}

/** One core service the banner names, with the places it is blocked in, in the order of the events. */
export interface BannerLine {
  service: string;
  places: BannerPlace[];
}

/**
 * The banner's one line, by service: each core service with a target blocked by one of the banner's `events`
 * (from `bannerEvents`), and the countries it is blocked in, each country once.
 */
export function bannerLines(
  events: readonly {
    path: string;
    countryName: string;
    countryPath: string;
    data: Pick<BlockingEvent, "status" | "targets">;
  }[],
  services: SiteConfig["services"],
): BannerLine[] {
  return services
    .filter((service) => service.core)
    .map((service) => {
      const hits = events.filter((event) => event.data.targets.some((target) => service.targets.includes(target)));
      const countries = [...new Set(hits.map((event) => event.countryName))];
      const places = countries.map((countryName): BannerPlace => {
        const here = hits.filter((event) => event.countryName === countryName);
        const [first] = here;
        return {
          countryName,
          path: here.length === 1 && first ? first.path : (first?.countryPath ?? ""),
          partial: here.every((event) => event.data.status === "partial"),
        };
      });
      return { service: service.name, places };
    })
    .filter((line) => line.places.length > 0);
}
