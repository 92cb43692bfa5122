import type { BlockingEvent } from "../schemas/blocking-event.ts";
import type { SiteConfig } from "../site/site-config-schema.ts";
import { isInForce } from "./record-timing.ts";

type BannerConfig = Pick<SiteConfig, "blockingBanner" | "services">;

// Every page of a build shows the banner for the same events and config: work it out once per pair.
const byEvents = new WeakMap<readonly object[], WeakMap<BannerConfig, readonly object[]>>();

/**
 * The events the site-wide banner names: in force, and blocking a target of a core service. Empty when
 * the banner is off. Remembered per events list and config (both are the same objects on every page
 * of a build), so the returned list must not be changed.
 */
export function bannerEvents<T extends { data: Pick<BlockingEvent, "status" | "ended" | "targets"> }>(
  events: readonly T[],
  config: BannerConfig,
): T[] {
  let byConfig = byEvents.get(events);
  if (!byConfig) byEvents.set(events, (byConfig = new WeakMap()));
  let banner = byConfig.get(config) as T[] | undefined;
  if (!banner) {
    banner = findBannerEvents(events, config);
    byConfig.set(config, banner);
  }
  return banner;
}

function findBannerEvents<T extends { data: Pick<BlockingEvent, "status" | "ended" | "targets"> }>(
  events: readonly T[],
  config: BannerConfig,
): T[] {
  if (!config.blockingBanner) return [];
  const coreTargets = new Set(config.services.filter((service) => service.core).flatMap((service) => service.targets));
  return events.filter(
    (event) => isInForce(event.data) && event.data.targets.some((target) => coreTargets.has(target)),
  );
}
