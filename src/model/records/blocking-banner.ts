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
