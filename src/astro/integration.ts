import mdx from "@astrojs/mdx";
import { rehypeHeadingIds, unified } from "@astrojs/markdown-remark";
import sitemap from "@astrojs/sitemap";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, ViteUserConfig } from "astro";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import remarkGfm from "remark-gfm";
import { defineSiteConfig, type SiteConfigInput } from "../contract/site-config-schema.ts";
import { rehypeContentGuard, rehypeOutboundLinks } from "../output/blog/rehype-content-guard.ts";
import { remarkReadingTime } from "../output/blog/remark-reading-time.ts";
import { dataChecksums } from "./integrations/data-checksums.ts";
import { searchIndex } from "./integrations/search-index.ts";
import { securityHeadersFile } from "./integrations/security-headers.ts";
import { SITE_CONFIG_FILE } from "../load/project/read-site-config.ts";
import { devSiteConfig } from "./dev-site-config.ts";
import { missingSiteFiles } from "./overrides.ts";
import { routeFiles, ROUTES_FOLDER } from "./route-files.ts";
import { vitrineVirtualModules } from "./virtual-modules.ts";
import { readSiteI18n } from "../i18n/read-dictionaries.ts";
import { devSiteI18n, dictionaryFilesToWatch } from "./dev-site-i18n.ts";
import { formatProblem, sortProblems } from "../load/validation/problem.ts";
import { localisedRouteFiles } from "./localised-routes.ts";

/** The middleware of `astro dev` that shows data/ and content/ problems on every page; from the package's `src/`, as the routes. */
const DEV_PROBLEMS_MIDDLEWARE = new URL("../../src/astro/dev-problems-middleware.ts", import.meta.url);

type OnWarn = NonNullable<NonNullable<NonNullable<ViteUserConfig["build"]>["rolldownOptions"]>["onwarn"]>;

/** Passes on every bundler warning but MDX's harmless `astro:head-inject` directive one. */
const hideHeadInjectWarning: OnWarn = (warning, warn) => {
  if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject")) return;
  warn(warning);
};

/**
 * Vitrine as an Astro integration: `integrations: [vitrine(site)]` in a site's `astro.config.mjs`, where `site`
 * is its `src/site.config.ts`. It validates the config (an invalid one stops the build with one line per bad key),
 * sets what every Vitrine site needs (URL and base, trailing slashes, Markdown and MDX with the content guard,
 * the sitemap, the search index, checksums of the open data and the security headers) and injects every page and
 * endpoint of the package's `src/routes/`. A page of the site's own `src/pages/` adds to them.
 */
export default function vitrine(options: SiteConfigInput): AstroIntegration {
  let site = defineSiteConfig(options);
  return {
    name: "vitrine",
    hooks: {
      "astro:config:setup": async ({
        config,
        command,
        updateConfig,
        injectRoute,
        addMiddleware,
        addWatchFile,
        logger,
      }) => {
        const root = fileURLToPath(config.root);
        if (command === "dev") {
          // A change of the site config restarts the dev server, which reads it again; while it is invalid, the
          // server goes on with the last valid one and every page says what is wrong (dev-site-config.ts).
          addWatchFile(new URL(SITE_CONFIG_FILE, config.root));
          site = await devSiteConfig(root, site, logger);
        }
        // Before any page is built: every file the config names must be there.
        const missing = missingSiteFiles(site, root);
        if (missing.length > 0) {
          logger.error(`The site configuration is invalid, so nothing was built:\n${missing.join("\n")}`);
          // Exit rather than throw: the lines are the whole message, and a stack trace would bury them.
          process.exit(1);
        }
        // The site's languages and their words: a broken dictionary of the site's stops the build as a broken
        // config does; `astro dev` restarts when one changes and goes on with the last valid words, showing the
        // problems on every page. A text a language lacks is shown in English, with a warning naming it: the
        // project's warnings (loadProject, printed by the content loader as validate prints them).
        if (command === "dev") for (const file of dictionaryFilesToWatch(site, root)) addWatchFile(file);
        const i18n = command === "dev" ? devSiteI18n(site, root, logger) : readSiteI18n(site, root);
        if (i18n.problems.length > 0) {
          logger.error(
            `The site's dictionaries are invalid, so nothing was built:\n${sortProblems(i18n.problems).map(formatProblem).join("\n")}`,
          );
          process.exit(1);
        }
        const [main, ...others] = i18n.languages;
        if (!main) throw new Error("A site has at least one language");
        /** The key a language goes by in Astro's and the sitemap's config: its path, or its tag for the main one. */
        const localeKey = (language: typeof main): string => language.path || language.tag.toLowerCase();
        updateConfig({
          // Astro's i18n routing: the main language at `/`, each other one under its segment. Every page exists in
          // every language (src/astro/localised-routes.ts), so there is nothing to fall back to or redirect.
          i18n: {
            locales: [main, ...others].map((language) => ({ path: localeKey(language), codes: [language.tag] })),
            defaultLocale: localeKey(main),
            routing: { prefixDefaultLocale: false, redirectToDefaultLocale: false, fallbackType: "rewrite" },
          },
          // The config's URL and base path, unless Astro was given its own (`astro build --base /repo/`, as the
          // GitHub Pages workflow does, or `site`/`base` in astro.config.mjs).
          site: config.site ?? site.url,
          base: config.base === "/" ? site.base : config.base,
          trailingSlash: "always",
          build: {
            // Pages rendered at a time. Astro writes each page to disk before starting the next by default,
            // which left the build idle a third of the time; 8 at a time built 11,930 pages in 11.7 s instead
            // of 20.7 s (npm run bench). Pages then end in an order that varies from run to run; the search
            // index, the one output that depends on order, sorts them (src/astro/integrations/search-index.ts).
            concurrency: 8,
          },
          markdown: {
            // GFM through remark-gfm on the unified processor (tables, footnotes, task lists, autolinks, strikethrough).
            processor: unified({
              gfm: false,
              remarkPlugins: [remarkGfm, remarkReadingTime],
              // The content allow-list first (validate has refused anything off it; this is defence in depth),
              // then heading ids, a visible "#" link after each heading for sharing a section, and
              // rel="noreferrer" on links to other sites.
              rehypePlugins: [
                [rehypeContentGuard, { allowCode: site.content.allowCode }],
                rehypeHeadingIds,
                [
                  rehypeAutolinkHeadings,
                  {
                    behavior: "append",
                    // Out of search excerpts too ("Timeline#"): the "#" is a link, not words.
                    properties: {
                      className: ["heading-anchor"],
                      ariaHidden: "true",
                      tabIndex: -1,
                      dataPagefindIgnore: "",
                    },
                    content: { type: "text", value: "#" },
                  },
                ],
                [rehypeOutboundLinks, { site: site.url }],
              ],
            }),
            // Code is highlighted at build time, with colours for both themes.
            shikiConfig: { themes: { light: "github-light", dark: "github-dark" } },
          },
          vite: {
            plugins: [vitrineVirtualModules(site, root, i18n)],
            build: {
              // Every MDX collection entry triggers a harmless MODULE_LEVEL_DIRECTIVE warning about
              // "use astro:head-inject" (withastro/astro#18087); hide that one so real warnings stand out.
              rolldownOptions: { onwarn: hideHeadInjectWarning },
            },
          },
        });
        // The integrations every Vitrine site needs, after this one, unless the site added them itself.
        const present = new Set(config.integrations.map((integration) => integration.name));
        const needed = [
          mdx(),
          sitemap({
            filter: (page) => !/\/(404|search)\/?$/.test(page),
            // Each page's versions in the other languages, as hreflang alternates.
            ...(others.length > 0 && {
              i18n: {
                defaultLocale: localeKey(main),
                locales: Object.fromEntries([main, ...others].map((language) => [localeKey(language), language.tag])),
              },
              // And the main language's as x-default, for a reader in none of them, as each page's head says.
              serialize: (item) => {
                const original = item.links?.find((link) => link.lang === main.tag);
                return original
                  ? { ...item, links: [...(item.links ?? []), { lang: "x-default", url: original.url }] }
                  : item;
              },
            }),
          }),
          dataChecksums(),
          searchIndex({ publishes: site.publishes, languages: i18n.languages }),
          securityHeadersFile({ onion: site.onion }),
        ].filter((integration) => !present.has(integration.name));
        const own = config.integrations.findIndex((integration) => integration.name === "vitrine");
        config.integrations.splice(own + 1, 0, ...needed);
        for (const { file, pattern } of localisedRouteFiles(routeFiles(), i18n.languages))
          injectRoute({ pattern, entrypoint: new URL(file, ROUTES_FOLDER) });
        // The panel of data/ and content/ problems on every page: for the editor under `astro dev`, never built.
        if (command === "dev") addMiddleware({ entrypoint: DEV_PROBLEMS_MIDDLEWARE, order: "pre" });
      },
    },
  };
}
