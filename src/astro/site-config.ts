import site from "virtual:vitrine/config";

/**
 * The site's config, validated by the `vitrine()` integration from the options `astro.config.mjs` gives it. Pages,
 * layouts and components import it from here, never from the site's `src/site.config.ts`: the package's pages
 * cannot know where a site keeps its config.
 */
export default site;
