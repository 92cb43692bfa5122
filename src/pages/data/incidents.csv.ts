import type { APIRoute } from "astro";
import { downloadResponse } from "./_open-data.ts";

/** `/data/incidents.csv`: see the downloads page. */
export const GET: APIRoute = () => downloadResponse("incidents.csv");
