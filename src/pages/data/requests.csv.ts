import type { APIRoute } from "astro";
import { downloadResponse } from "./_open-data.ts";

/** `/data/requests.csv`: see the downloads page. */
export const GET: APIRoute = () => downloadResponse("requests.csv");
