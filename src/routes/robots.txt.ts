import type { APIRoute } from "astro";
import { withBase } from "../model/paths.ts";
import site from "../astro/site-config.ts";

// Everything may be crawled; the sitemap lists every page.
export const GET: APIRoute = () => {
  const sitemap = new URL(withBase(import.meta.env.BASE_URL, "sitemap-index.xml"), site.url).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
