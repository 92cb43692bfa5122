import type { APIRoute } from "astro";
import { href } from "../astro/href.ts";
import site from "../astro/site-config.ts";
import { getSite } from "../astro/site.ts";
import { statusDocument } from "../output/status/status-document.ts";

/** `/status.json`: blocks in force, open incidents, the canary, the report's state and the current release, for machines. */
export const GET: APIRoute = async () => {
  const { model } = await getSite();
  const status = statusDocument(model, (path) => new URL(href(path), site.url).href);
  return new Response(`${JSON.stringify(status, null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
