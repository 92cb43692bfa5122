import type { APIRoute } from "astro";
import { downloadResponse } from "./_open-data.ts";

/** `/data/incidents-by-period.csv`: see the downloads page. */
export const GET: APIRoute = () => downloadResponse("incidents-by-period.csv");
