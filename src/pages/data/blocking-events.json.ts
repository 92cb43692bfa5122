import type { APIRoute } from "astro";
import { downloadResponse } from "./_open-data.ts";

/** `/data/blocking-events.json`: see the downloads page. */
export const GET: APIRoute = () => downloadResponse("blocking-events.json");
