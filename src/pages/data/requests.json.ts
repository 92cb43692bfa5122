import type { APIRoute } from "astro";
import { downloadResponse } from "./_open-data.ts";

/** `/data/requests.json`: see the downloads page. */
export const GET: APIRoute = () => downloadResponse("requests.json");
