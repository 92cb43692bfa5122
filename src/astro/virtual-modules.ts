import path from "node:path";
import type { Plugin } from "vite";
import { OVERRIDABLE_COMPONENTS } from "../contract/appearance-schema.ts";
import type { SiteConfig } from "../contract/site-config-schema.ts";
import { chartPaletteCss } from "../output/charts/palette.ts";
import { themeCss } from "../output/theme-css.ts";
import { componentFiles } from "./overrides.ts";
import type { SiteI18n } from "../i18n/read-dictionaries.ts";

/** The module pages, layouts and components read the site's validated config from (see `src/astro/site-config.ts`). */
export const CONFIG_MODULE = "virtual:vitrine/config";
/** The prefix of the overridable components' modules: `virtual:vitrine/components/Header`. */
export const COMPONENT_MODULE_PREFIX = "virtual:vitrine/components/";
/** The module the layout imports after the package's CSS: the theme's colours, then the site's `customCss`. */
export const STYLES_MODULE = "virtual:vitrine/styles";
/** The colours of the charts for both themes (src/output/charts/palette.ts): imported by ChartFigure, so only pages with a chart load them. */
export const CHART_PALETTE_CSS_MODULE = "virtual:vitrine/chart-palette.css";
/** The CSS of the site's `theme` (src/output/theme-css.ts). */
export const THEME_CSS_MODULE = "virtual:vitrine/theme.css";
/** The site's languages and the words of each, resolved from Vitrine's dictionaries and the site's `i18n/` (src/i18n/). */
export const I18N_MODULE = "virtual:vitrine/i18n";
/** The site's logo: `{ src, alt }` with `src` the URL of the image Vite emitted, or `undefined` without a logo. */
export const LOGO_MODULE = "virtual:vitrine/logo";

/** `import` of a file by its absolute path, in a form Vite resolves on every platform. */
const importOf = (file: string, query = ""): string => JSON.stringify(`/@fs${file.split(path.sep).join("/")}${query}`);

/**
 * A Vite plugin serving the integration's modules to the package's pages: `virtual:vitrine/config` (the site
 * config as the integration validated it, as JSON, so pages never depend on where the config file is),
 * `virtual:vitrine/components/<Name>` (the site's own component or the package's, resolved to its file so that
 * Astro compiles it like any other), `virtual:vitrine/styles` (the theme and the site's CSS), `virtual:vitrine/chart-palette.css` and `virtual:vitrine/logo`. `root` is the site's
 * root folder, which the site's paths are relative to.
 */
export function vitrineVirtualModules(site: SiteConfig, root: string, i18n: SiteI18n): Plugin {
  const logo = site.logo;
  const modules: Record<string, string> = {
    [CONFIG_MODULE]: `export default ${JSON.stringify(site)};`,
    [STYLES_MODULE]: [THEME_CSS_MODULE, ...site.customCss.map((file) => path.resolve(root, file))]
      .map((id) => `import ${id.startsWith("virtual:") ? JSON.stringify(id) : importOf(id)};`)
      .join("\n"),
    [CHART_PALETTE_CSS_MODULE]: chartPaletteCss(),
    [THEME_CSS_MODULE]: themeCss(site.theme),
    [I18N_MODULE]: `export default ${JSON.stringify({
      languages: i18n.languages,
      messages: Object.fromEntries(
        [...i18n.messages].map(([tag, resolved]) => [tag, Object.fromEntries(resolved.messages)]),
      ),
    })};`,
    // `?url&no-inline`: the image is emitted as a file of the site's own (hashed), never inlined as a data: URL.
    [LOGO_MODULE]: logo
      ? `import src from ${importOf(path.resolve(root, logo.src), "?url&no-inline")};\nexport default { src, alt: ${JSON.stringify(logo.alt)} };`
      : "export default undefined;",
  };
  const components = componentFiles(site, root);
  const resolved = (id: string) => `\0${id}`;
  return {
    name: "vitrine:virtual-modules",
    resolveId: {
      filter: { id: /^virtual:vitrine\// },
      handler: (id) => {
        if (id.startsWith(COMPONENT_MODULE_PREFIX)) {
          const name = id.slice(COMPONENT_MODULE_PREFIX.length);
          return OVERRIDABLE_COMPONENTS.find((known) => known === name)
            ? components[name as keyof typeof components]
            : undefined;
        }
        return id in modules ? resolved(id) : undefined;
      },
    },
    load: {
      filter: { id: /^\0virtual:vitrine\// },
      handler: (id) => modules[id.slice(1)],
    },
  };
}
