import type { APIRoute } from "astro";
import { downloadResponse } from "./_open-data.ts";

/** `/data/blocking-events.csv`: see the downloads page. */
export const GET: APIRoute = () => downloadResponse("blocking-events.csv");
