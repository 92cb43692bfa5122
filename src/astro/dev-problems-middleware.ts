import { defineMiddleware } from "astro:middleware";
import {
  configProblemsPanel,
  devProblemsPanel,
  dictionaryProblemsPanel,
  getConfigProblems,
  getDevProblems,
  getDictionaryProblems,
  withDevPanels,
} from "./dev-problems.ts";

/**
 * Under `astro dev` only (the integration adds it for `astro dev`, never for a build): puts the panels of
 * site config problems, of the site's dictionaries' problems and of data/ and content/ problems at the top of
 * every HTML page while there are any.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  const config = getConfigProblems();
  const dictionaries = getDictionaryProblems();
  const problems = getDevProblems();
  if ((!config && !dictionaries && !problems) || !(response.headers.get("content-type") ?? "").includes("text/html"))
    return response;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  const panels =
    (config ? configProblemsPanel(config) : "") +
    (dictionaries ? dictionaryProblemsPanel(dictionaries) : "") +
    (problems ? devProblemsPanel(problems) : "");
  const html = withDevPanels(await response.text(), panels);
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
