import type { APIRoute } from "astro";
import { downloadResponse } from "./_open-data.ts";

/** `/data/requests-by-period.csv`: see the downloads page. */
export const GET: APIRoute = () => downloadResponse("requests-by-period.csv");
