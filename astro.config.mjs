// @ts-check
import mdx from "@astrojs/mdx";
import { rehypeHeadingIds, unified } from "@astrojs/markdown-remark";
import sitemap from "@astrojs/sitemap";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import { defineConfig } from "astro/config";
import remarkGfm from "remark-gfm";
import { dataChecksums } from "./src/astro/integrations/data-checksums.ts";
import { searchIndex } from "./src/astro/integrations/search-index.ts";
import { securityHeadersFile } from "./src/astro/integrations/security-headers.ts";
import { rehypeContentGuard, rehypeOutboundLinks } from "./src/output/blog/rehype-content-guard.ts";
import { remarkReadingTime } from "./src/output/blog/remark-reading-time.ts";
import siteConfig from "./src/site.config.ts";

export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
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
        [rehypeContentGuard, { allowCode: siteConfig.content.allowCode }],
        rehypeHeadingIds,
        [
          rehypeAutolinkHeadings,
          {
            behavior: "append",
            properties: { className: ["heading-anchor"], ariaHidden: "true", tabIndex: -1 },
            content: { type: "text", value: "#" },
          },
        ],
        [rehypeOutboundLinks, { site: siteConfig.url }],
      ],
    }),
    // Code is highlighted at build time, with colours for both themes.
    shikiConfig: { themes: { light: "github-light", dark: "github-dark" } },
  },
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !/\/(404|search)\/?$/.test(page) }),
    dataChecksums(),
    searchIndex({ publishes: siteConfig.publishes }),
    securityHeadersFile(),
  ],
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX collection entry triggers a harmless MODULE_LEVEL_DIRECTIVE warning about
        // "use astro:head-inject" (withastro/astro#18087); hide that one so real warnings stand out.
        onwarn(warning, warn) {
          if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject")) return;
          warn(warning);
        },
      },
    },
  },
});
