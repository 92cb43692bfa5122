import type { Plugin } from "vite";
import type { SiteConfig } from "../contract/site-config-schema.ts";

/** The module pages, layouts and components read the site's validated config from (see `src/astro/site-config.ts`). */
export const CONFIG_MODULE = "virtual:vitrine/config";

/**
 * A Vite plugin serving the integration's modules: `virtual:vitrine/config`, the site config as the integration
 * validated it (JSON, so that the pages never depend on where the config file is or how it was loaded).
 */
export function vitrineVirtualModules(site: SiteConfig): Plugin {
  const modules: Record<string, string> = {
    [CONFIG_MODULE]: `export default ${JSON.stringify(site)};`,
  };
  const resolved = (id: string) => `\0${id}`;
  return {
    name: "vitrine:virtual-modules",
    resolveId: {
      filter: { id: /^virtual:vitrine\// },
      handler: (id) => (id in modules ? resolved(id) : undefined),
    },
    load: {
      filter: { id: /^\0virtual:vitrine\// },
      handler: (id) => modules[id.slice(1)],
    },
  };
}
