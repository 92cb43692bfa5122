import { isListed, postVisibility } from "../blog/publication.ts";
import { loadProject } from "../project/load-project.ts";
import { recordCountries } from "../records/record-countries.ts";
import { buildTransparencyReport } from "../report/transparency-report.ts";
import type { SiteConfig } from "../site/site-config-schema.ts";
import { listCards, type CardEntry } from "./card-data.ts";

/**
 * Every card of the project in `root`, read straight from `data/` and `content/` (no Astro), as a
 * production build would list them: published posts only. For the bench and tests; the site itself
 * lists its cards from `getSiteData()`.
 */
export async function projectCards(root: string, site: SiteConfig, now: Date): Promise<CardEntry[]> {
  const project = await loadProject(root, { now, expiredCanary: "warning" });
  if (project.problems.length > 0)
    throw new Error(`The project in ${root} has ${project.problems.length} problem(s); run npm run validate.`);
  const requests = project.requests.map((r) => ({ data: r.data }));
  const blockingEvents = project.blockingEvents.map((e) => ({ data: e.data }));
  return listCards(
    {
      requests,
      blockingEvents,
      incidents: project.incidents.map((i) => ({ data: i.data })),
      posts: project.posts.filter((post) => isListed(postVisibility(post.data, now, site.timeZone), "production")),
      authors: project.authors,
      report: buildTransparencyReport(
        requests.map((r) => r.data),
        site.report.period,
      ),
      countryCodes: recordCountries(requests, blockingEvents),
    },
    { site, now },
  );
}
