import type { SiteConfig } from "../contract/site-config-schema.ts";
import { COLOUR_SCHEMES, THEME_COLOURS, type ColourScheme } from "../contract/theme-tokens.ts";

// The selectors of each scheme, as src/styles/global.css writes them: a later rule with the same selector wins.
const SCHEME_SELECTORS: Record<ColourScheme, string[]> = {
  light: [":root"],
  dark: [':root[data-theme="dark"]', '@media (prefers-color-scheme: dark) { :root:not([data-theme="light"])'],
};

/**
 * The CSS of a site's `theme`: its colours as the custom properties of the package's CSS (`--link`…), with the
 * package's selectors for each scheme, so that written after the package's CSS they replace its values and
 * nothing else. Empty for a site that sets no colour.
 */
export function themeCss(theme: SiteConfig["theme"]): string {
  const rules: string[] = [];
  for (const scheme of COLOUR_SCHEMES) {
    const declarations = THEME_COLOURS.flatMap((token) => {
      const colour = theme[token]?.[scheme];
      return colour === undefined ? [] : [`--${token}: ${colour};`];
    }).join(" ");
    if (declarations === "") continue;
    for (const selector of SCHEME_SELECTORS[scheme])
      rules.push(
        selector.startsWith("@media") ? `${selector} { ${declarations} } }` : `${selector} { ${declarations} }`,
      );
  }
  return rules.join("\n");
}
