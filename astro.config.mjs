// @ts-check
import { defineConfig } from "astro/config";
import vitrine from "vitrine";
import site from "./src/site.config.ts";

// The reference site uses Vitrine exactly as a site made with `vitrine init` does: the package's integration,
// given the site's config. Everything else (pages, Markdown, search, headers) comes from the integration.
export default defineConfig({ integrations: [vitrine(site)] });
