// @ts-check
import mdx from "@astrojs/mdx";
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import remarkGfm from "remark-gfm";
import { dataChecksums } from "./src/integrations/data-checksums.ts";
import { validateProject } from "./src/integrations/validate-project.ts";
import siteConfig from "./src/site.config.ts";

export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
  trailingSlash: "always",
  markdown: {
    // GFM through remark-gfm on the unified processor (tables, footnotes, task lists, autolinks, strikethrough).
    processor: unified({ gfm: false, remarkPlugins: [remarkGfm] }),
  },
  integrations: [validateProject({ expiredCanary: siteConfig.report.expiredCanary }), mdx(), dataChecksums()],
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
