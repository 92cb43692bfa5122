import type { SiteModel } from "../../model/site-model.ts";
import { periodPath } from "../../model/paths.ts";
import { STATUS_SCHEMA_PATH, type Status } from "./status-schema.ts";

/** Site-relative path of a release's folder of files. */
export const releasePath = (version: string): string => `data/releases/${version}/`;

/**
 * `/status.json` from the site model (the same blocks in force, open incidents, canary and report state the
 * pages show) and the current dataset release. `url` makes an absolute address of a site-relative path. A
 * kind the site does not publish, and a canary it does not have, are left out rather than shown empty.
 */
export function statusDocument(model: SiteModel, url: (path: string) => string): Status {
  const { site, blockingEvents, incidents, canary, report, reportDue } = model;
  const release = model.releases.latest;
  const complete = report.headline?.reason === undefined ? report.headline?.report.period : undefined;
  return {
    $schema: url(STATUS_SCHEMA_PATH),
    generated: model.now.toISOString(),
    site: url(""),
    ...(site.publishes.blockingEvents && {
      blocking: {
        inForce: blockingEvents.inForce.map((event) => ({
          id: event.id,
          title: event.title,
          country: event.data.country,
          countryName: event.countryName,
          services: site.services
            .filter((service) => service.targets.some((target) => event.data.targets.includes(target)))
            .map((service) => service.id),
          targets: event.data.targets,
          status: event.data.status === "partial" ? "partial" : "ongoing",
          since: event.data.started.text,
          days: event.duration ? { atLeast: event.duration.minDays, atMost: event.duration.maxDays } : null,
          lastVerified: event.data.last_verified?.text ?? null,
          link: url(event.path),
        })),
      },
    }),
    ...(site.publishes.incidents && {
      incidents: {
        open: incidents.open.map((incident) => ({
          id: incident.id,
          title: incident.title,
          since: incident.data.started.text,
          link: url(incident.path),
        })),
      },
    }),
    ...(canary && {
      canary: { status: canary.status.state, issued: canary.issued, expires: canary.expires, link: url(canary.path) },
    }),
    ...(site.publishes.requests && {
      report: {
        latestCompletePeriod: complete
          ? {
              key: complete.key,
              label: complete.label,
              start: complete.start,
              end: complete.end,
              link: url(periodPath(complete.key)),
            }
          : null,
        nextDue: reportDue?.due ?? null,
        overdue: reportDue ? reportDue.state === "overdue" : null,
        link: url("transparency/"),
      },
    }),
    release: release ? { version: release.version, date: release.date, link: url(releasePath(release.version)) } : null,
  };
}
