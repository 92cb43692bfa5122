import { parse, wcagContrast } from "culori";
import { z } from "zod";
import { AA_TEXT_CONTRAST, COLOUR_SCHEMES, THEME_BACKGROUNDS, THEME_COLOURS } from "./theme-tokens.ts";

/**
 * The components a site may replace with its own (`components` in the site config), each a file of the package's
 * `src/components/` that every page renders through `virtual:vitrine/components/<Name>`.
 */
export const OVERRIDABLE_COMPONENTS = ["Header", "Footer", "HomeIntro", "PostShare"] as const;

/** The name of a component a site may replace. */
export type OverridableComponent = (typeof OVERRIDABLE_COMPONENTS)[number];

// "./" then a path with no ".." segment, no backslash and no colon (so no URL: "https:", "data:").
const SITE_FILE = /^(?!.*(?:^|\/)\.\.(?:\/|$))\.\/[^\\:]+$/;

/** A file of the site, as a path relative to the site's root folder (where astro.config.mjs is) starting with `./`. */
const siteFile = (example: string) =>
  z
    .string({ error: `a file of the site, as a path from its root folder like "${example}"` })
    .regex(SITE_FILE, { error: `a file of the site, as a path from its root folder like "${example}"` });

/** The keys a strict object does not know, quoted, for its error: `"Heder"`, `"bg", "fg"`. */
const unknownKeys = (issue: { keys?: readonly string[] }): string =>
  (issue.keys ?? []).map((key) => JSON.stringify(key)).join(", ");

/** Components to replace: each key a component name, each value the site's own `.astro` file. */
export const ComponentsSchema = z
  .strictObject(
    Object.fromEntries(
      OVERRIDABLE_COMPONENTS.map((name) => [
        name,
        siteFile(`./src/components/${name}.astro`)
          .regex(/\.astro$/, { error: `an .astro file, like "./src/components/${name}.astro"` })
          .optional(),
      ]),
    ) as Record<OverridableComponent, z.ZodOptional<z.ZodString>>,
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `no ${unknownKeys(issue)}: the components a site may replace are ${OVERRIDABLE_COMPONENTS.join(", ")}`
          : "an object of component names and .astro files",
    },
  )
  .prefault({});

const colourError = 'a CSS colour, like "#0b57b0" or "rgb(11 87 176)"';
/** A CSS colour that culori can read (hex, rgb(), hsl(), oklch(), a named colour…). */
const ColourSchema = z
  .string({ error: colourError })
  .refine((text) => parse(text) !== undefined, { error: colourError });

/** One text colour of the theme, for the light scheme, the dark one, or both; a scheme left out keeps the package's. */
const SchemeColoursSchema = z.strictObject(
  { light: ColourSchema.optional(), dark: ColourSchema.optional() },
  { error: 'an object with a "light" colour, a "dark" colour or both' },
);

/**
 * Colours of the site's theme, written after the package's CSS (docs/theming.md lists every token). Only text
 * colours: each must keep a WCAG AA contrast of 4.5:1 against every background of its scheme.
 */
export const ThemeSchema = z
  .strictObject(
    Object.fromEntries(THEME_COLOURS.map((name) => [name, SchemeColoursSchema.optional()])) as Record<
      (typeof THEME_COLOURS)[number],
      z.ZodOptional<typeof SchemeColoursSchema>
    >,
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `no ${unknownKeys(issue)}: the theme's colours are ${THEME_COLOURS.join(", ")}`
          : `an object of text colours (${THEME_COLOURS.join(", ")})`,
    },
  )
  .superRefine((theme, context) => {
    for (const token of THEME_COLOURS)
      for (const scheme of COLOUR_SCHEMES) {
        const colour = theme[token]?.[scheme];
        // An unreadable colour already has its issue from ColourSchema.
        if (colour === undefined || parse(colour) === undefined) continue;
        const worst = lowestContrast(colour, scheme);
        if (worst.ratio >= AA_TEXT_CONTRAST) continue;
        context.addIssue({
          code: "custom",
          path: [token, scheme],
          input: colour,
          message: `a colour with a contrast of at least ${AA_TEXT_CONTRAST}:1 (WCAG AA) against the ${scheme} theme's backgrounds; against ${worst.background} (${worst.value}) it has ${worst.ratio.toFixed(2)}:1`,
        });
      }
  })
  .prefault({});

/** The background of `scheme` against which `colour` has the least contrast, and that contrast ratio. */
export function lowestContrast(
  colour: string,
  scheme: (typeof COLOUR_SCHEMES)[number],
): { background: string; value: string; ratio: number } {
  return Object.entries(THEME_BACKGROUNDS[scheme])
    .map(([background, value]) => ({ background, value, ratio: wcagContrast(colour, value) }))
    .reduce((worst, next) => (next.ratio < worst.ratio ? next : worst));
}

/** The site's logo, shown in the header before its name. */
export const LogoSchema = z.strictObject(
  {
    /** The image file, in the site (it is served from the site's own address, never from another one). */
    src: siteFile("./src/assets/logo.svg"),
    /** What the logo says, for readers who cannot see it; "" when the site's name beside it says it all. */
    alt: z.string({ error: 'a text alternative, or "" when the site name beside the logo says it all' }),
  },
  { error: 'an object with src (a file of the site, like "./src/assets/logo.svg") and alt' },
);

/** CSS files of the site, included in this order after the package's CSS and the theme. */
export const CustomCssSchema = z
  .array(siteFile("./src/site.css").regex(/\.css$/, { error: 'a .css file, like "./src/site.css"' }), {
    error: 'a list of CSS files, like ["./src/site.css"]',
  })
  .default([]);
