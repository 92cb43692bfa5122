/** The colour schemes the site has: light by default, dark when the reader or the system asks for it. */
export const COLOUR_SCHEMES = ["light", "dark"] as const;

/** A colour scheme of the site. */
export type ColourScheme = (typeof COLOUR_SCHEMES)[number];

/** The text colours a site may set in its config's `theme` (each a CSS custom property of src/styles/global.css). */
export const THEME_COLOURS = ["text", "muted", "link", "accent"] as const;

/** A text colour a site may set. */
export type ThemeColour = (typeof THEME_COLOURS)[number];

/**
 * The backgrounds text is drawn on, with their values in src/styles/global.css for each scheme (a unit test
 * holds the two together): a colour of the site's `theme` must keep WCAG AA contrast against all of them.
 */
export const THEME_BACKGROUNDS: Readonly<Record<ColourScheme, Readonly<Record<string, string>>>> = {
  light: { "--bg": "#ffffff", "--surface": "#f4f6f8", "--banner-bg": "#fdf1f1" },
  dark: { "--bg": "#0f1419", "--surface": "#1a2129", "--banner-bg": "#3a1d1f" },
};

/** WCAG 2 level AA: the least contrast ratio for normal-size text (success criterion 1.4.3). */
export const AA_TEXT_CONTRAST = 4.5;
