import type { APIRoute } from "astro";
import { href } from "../astro/href.ts";
import site from "../astro/site-config.ts";
import { STATUS_SCHEMA_PATH, statusJsonSchema } from "../output/status/status-schema.ts";

/** `/status.schema.json`: the JSON Schema of `/status.json`, generated from the schema its builder is typed with. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(statusJsonSchema(new URL(href(STATUS_SCHEMA_PATH), site.url).href), null, 2)}\n`, {
    headers: { "Content-Type": "application/schema+json" },
  });
