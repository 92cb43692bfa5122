import { defineMiddleware } from "astro:middleware";
import { getDevProblems, withDevProblemsPanel } from "./dev-problems.ts";

/**
 * Under `astro dev` only (the integration adds it for `astro dev`, never for a build): puts the panel of
 * data/ and content/ problems at the top of every HTML page while the last read had any.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  const problems = getDevProblems();
  if (!problems || !(response.headers.get("content-type") ?? "").includes("text/html")) return response;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  const html = withDevProblemsPanel(await response.text(), problems);
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
