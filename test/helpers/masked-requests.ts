import type { Project } from "../../src/load/project/load-project.ts";
import { maskSmallCounts } from "../../src/model/report/small-count-mask.ts";
import type { SiteConfig } from "../../src/contract/site-config-schema.ts";
import site from "../../src/site.config.ts";

/**
 * Ids of a project's requests that the site publishes as "Other countries" (small-count protection):
 * they are linked to nothing and named nowhere, so tests about links and names leave them out.
 */
export function maskedRequestIds(project: Project, config: Pick<SiteConfig, "report"> = site): ReadonlySet<string> {
  const policy = { threshold: config.report.smallCountThreshold, period: config.report.period };
  return maskSmallCounts(
    project.requests.map((r) => r.data),
    policy,
  ).masked;
}
