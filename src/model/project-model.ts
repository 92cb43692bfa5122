import type { Project } from "../load/project/load-project.ts";
import type { SiteConfig } from "../contract/site-config-schema.ts";
import { buildRoutes, type RouteTable } from "./routes.ts";
import { buildSiteModel, type SiteModel, type SiteModelInput } from "./site-model.ts";

/** The site model and its route table: what every page, card, feed and download shows. */
export interface Site {
  model: SiteModel;
  routes: RouteTable;
}

/** Builds the site model of `input` and its route table. */
export function buildSite(input: SiteModelInput): Site {
  const model = buildSiteModel(input);
  return { model, routes: buildRoutes(model, input.translator) };
}

/** The site model's input from a project read by `loadProject` (the build gets the same data through its collections). */
export function siteModelInput(
  project: Project,
  site: SiteConfig,
  now: Date,
  mode: SiteModelInput["mode"] = "production",
): SiteModelInput {
  return {
    site,
    now,
    mode,
    // Records carry their translated columns, as the collections do.
    requests: project.requests.map((r) => ({ ...r.data, translations: r.translations })),
    figures: project.figures.map((f) => f.data),
    blockingEvents: project.blockingEvents.map((e) => ({ ...e.data, translations: e.translations })),
    incidents: project.incidents.map((i) => ({ ...i.data, translations: i.translations })),
    // Translations are texts of their originals: the model shows each in its language.
    posts: [...project.posts, ...project.translations.posts],
    authors: project.authors,
    pages: [...project.pages, ...project.translations.pages],
    writeups: [...project.writeups, ...project.translations.writeups],
    canary: project.canary,
    corrections: project.corrections.map((c) => c.data),
    releases: project.releases,
  };
}

/**
 * The site model and route table of a valid project, without Astro: what a production build of it
 * shows, for tools such as the bench. Throws when the project has problems.
 */
export function projectSite(project: Project, site: SiteConfig, now: Date): Site {
  if (project.problems.length > 0)
    throw new Error(`The project has ${project.problems.length} problem(s); run npm run validate.`);
  return buildSite(siteModelInput(project, site, now));
}
