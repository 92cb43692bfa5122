import type { APIRoute, GetStaticPaths } from "astro";
import { downloadResponse, getOpenDataFiles } from "./_open-data.ts";

/** `/data/requests.csv`, `/data/incidents-by-period.csv` and so on: each download of a published kind (see the downloads page). */
export const getStaticPaths = (async () =>
  (await getOpenDataFiles())
    .filter((file) => !file.name.includes("/"))
    .map((file) => ({ params: { download: file.name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => downloadResponse(String(params["download"]));
