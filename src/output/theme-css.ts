import type { SiteConfig } from "../contract/site-config-schema.ts";
import { COLOUR_SCHEMES, THEME_COLOURS, type ColourScheme } from "../contract/theme-tokens.ts";

// The selectors of each scheme, as src/styles/global.css writes them: a later rule with the same selector wins.
const SCHEME_SELECTORS: Record<ColourScheme, string[]> = {
  light: [":root"],
  dark: [':root[data-theme="dark"]', '@media (prefers-color-scheme: dark) { :root:not([data-theme="light"])'],
};

/**
 * CSS rules giving custom properties a value per colour scheme, with the package's selectors for each scheme
 * (light on `:root`, dark when chosen or when the system prefers it): `declarations` per scheme, e.g.
 * `--link: #0b57b0;`. Plain values, no `light-dark()`, so every browser that has custom properties gets both
 * themes. A scheme without declarations gets no rule.
 */
export function schemeRules(declarations: Readonly<Record<ColourScheme, string>>): string[] {
  const rules: string[] = [];
  for (const scheme of COLOUR_SCHEMES) {
    const body = declarations[scheme];
    if (body === "") continue;
    for (const selector of SCHEME_SELECTORS[scheme])
      rules.push(selector.startsWith("@media") ? `${selector} { ${body} } }` : `${selector} { ${body} }`);
  }
  return rules;
}

/**
 * The CSS of a site's `theme`: its colours as the custom properties of the package's CSS (`--link`…), with the
 * package's selectors for each scheme, so that written after the package's CSS they replace its values and
 * nothing else. Empty for a site that sets no colour.
 */
export function themeCss(theme: SiteConfig["theme"]): string {
  const declarations = (scheme: ColourScheme): string =>
    THEME_COLOURS.flatMap((token) => {
      const colour = theme[token]?.[scheme];
      return colour === undefined ? [] : [`--${token}: ${colour};`];
    }).join(" ");
  return schemeRules({ light: declarations("light"), dark: declarations("dark") }).join("\n");
}
