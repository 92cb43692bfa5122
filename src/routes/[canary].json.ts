import type { APIRoute, GetStaticPaths } from "astro";
import { href } from "../astro/href.ts";
import { getSite } from "../astro/site.ts";
import { canaryFacts } from "../model/canary-view.ts";
import site from "../astro/site-config.ts";

// `/canary.json` exists only when the site publishes a canary (a route parameter, so it can be left out).
export const getStaticPaths = (async (options) => {
  const { canary } = (await getSite(options)).model;
  return canary ? [{ params: { canary: "canary" } }] : [];
}) satisfies GetStaticPaths;

/** `/canary.json`: the canary's facts for machines (see canaryFacts). */
export const GET: APIRoute = async () => {
  const { canary } = (await getSite()).model;
  if (!canary) throw new Error("No canary to describe");
  const facts = canaryFacts(canary, (path) => new URL(href(path), site.url).href);
  return new Response(`${JSON.stringify(facts, null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
