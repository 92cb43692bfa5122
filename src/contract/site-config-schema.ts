import countries from "i18n-iso-countries";
import { z } from "zod";
import { ComponentsSchema, CustomCssSchema, LogoSchema, ThemeSchema } from "./appearance-schema.ts";
import { DATA_FORMAT } from "./data-format.ts";
import { LicenceSchema } from "./licence-schema.ts";
import { ID_PATTERN } from "./fields/csv-fields.ts";
import { BLOCKING_TARGETS } from "./schemas/vocabulary.ts";
import { fieldPath } from "../load/validation/field-path.ts";

const isTimeZone = (zone: string): boolean => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC";
const isLanguageTag = (tag: string): boolean => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

/** A service the organisation offers, e.g. e-mail or VPN; blocking events and banners refer to these. */
export const ServiceSchema = z.object({
  /** Short id, e.g. `email`. */
  id: z.string().regex(ID_PATTERN, { error: 'an id of lowercase letters, digits and hyphens, like "email"' }),
  /** Name shown to readers, e.g. `Velin Mail`. */
  name: z.string({ error: "a name" }).min(1, { error: "a name" }),
  /** One sentence on what it is. */
  description: z.string().optional(),
  /** What a blocking event must target to affect this service, e.g. `[smtp, imap, webmail]`. */
  targets: z.array(z.enum(BLOCKING_TARGETS, { error: `one of ${BLOCKING_TARGETS.join(", ")}` })).default([]),
  /** A core service: while one of its targets is blocked somewhere, the site-wide banner (if enabled) says so. */
  core: z.boolean({ error: "true or false" }).default(false),
});

/** 40 hex digits, as gpg prints a fingerprint with or without its spaces; stored upper case without spaces. */
const FINGERPRINT = /^[0-9A-F]{40}$/;

/** The warrant canary's trust anchor: the signing key the build accepts, and where else it is published. */
export const CanaryConfigSchema = z.object(
  {
    /**
     * Fingerprint of the OpenPGP key that signs `content/canary.md`, as `gpg --fingerprint` prints it
     * (spaces optional, any case). Validate and the build refuse a canary signed by any other key, or
     * a key file in content/ with another fingerprint: change it only when the signing key changes.
     * @example "1DD4 83F6 D5C8 F259 8F30  4B60 3226 1302 641E B2BF"
     */
    fingerprint: z
      .string({ error: "the signing key's fingerprint: 40 hex digits, as gpg --fingerprint prints it" })
      .transform((text) => text.replace(/\s+/g, "").toUpperCase())
      .refine((text) => FINGERPRINT.test(text), {
        error: "the signing key's fingerprint: 40 hex digits, as gpg --fingerprint prints it",
      }),
    /**
     * Pages outside this site that publish the same fingerprint (the organisation's main site, its
     * security page…), so readers can check the key against a second source. Shown on /canary/.
     * @example ["https://velinmail.be/security/#canary"]
     */
    publishedAt: z
      .array(z.url({ protocol: /^https$/, error: "an https:// address" }), { error: "a list of https:// addresses" })
      .default([]),
  },
  { error: "an object with the signing key's fingerprint" },
);

/** The site configuration, `src/site.config.ts`. Every key is documented; defaults live here. */
export const SiteConfigSchema = z
  .object({
    /**
     * The version of Vitrine's data format that data/, content/ and this file follow (see
     * docs/data-format.md). Left out, the site is on format 1; `vitrine validate` then says to run
     * `npx vitrine migrate`, which upgrades the files and sets this key. A number above this Vitrine's
     * format means the site needs a newer Vitrine.
     * @example 2
     */
    dataFormat: z
      .number({ error: `a data format number, ${DATA_FORMAT} for this version of Vitrine` })
      .int({ error: `a data format number, ${DATA_FORMAT} for this version of Vitrine` })
      .min(1, { error: `a data format number, ${DATA_FORMAT} for this version of Vitrine` })
      .max(DATA_FORMAT, {
        error: `a data format up to ${DATA_FORMAT}, the newest this version of Vitrine reads: the site was written for a newer Vitrine, run npm install vitrine@latest`,
      })
      .optional(),
    /** Site name in the header and the title bar, e.g. `Velin Mail Transparency`. */
    name: z.string({ error: "the site's name" }).min(1, { error: "the site's name" }),
    /** One sentence for search engines and social cards. */
    description: z
      .string({ error: "a one-sentence description of the site" })
      .min(1, { error: "a one-sentence description of the site" }),
    /** Public address of the site, e.g. `https://transparency.example.org`. */
    url: z.url({ protocol: /^https?$/, error: "the site's public address, like https://transparency.example.org" }),
    /** Sub-path the site is served under, e.g. `/transparency/`; `/` when served at the root. */
    base: z
      .string()
      .regex(/^\/(?:[\w.-]+\/)*$/, { error: 'a path that starts and ends with "/", like "/" or "/transparency/"' })
      .default("/"),
    /** The organisation publishing the report. */
    organisation: z.object(
      {
        /** Legal name, e.g. `Velin Communications SRL`. */
        name: z.string({ error: "the organisation's name" }).min(1, { error: "the organisation's name" }),
        /** Country whose law the organisation answers to, ISO 3166-1 alpha-2, e.g. `BE`. */
        jurisdiction: z.string().refine((code) => countries.isValid(code) && code === code.toUpperCase(), {
          error: 'an ISO 3166-1 alpha-2 country code in capitals, like "BE"',
        }),
        /** Contact address for questions about the report. */
        contact: z.email({ error: "an e-mail address" }).optional(),
      },
      { error: "an object with name and jurisdiction" },
    ),
    /** Language of the site as a BCP 47 tag, e.g. `en` or `fr-BE`. */
    language: z.string().refine(isLanguageTag, { error: 'a language tag like "en" or "fr-BE"' }).default("en"),
    /**
     * The other languages the site is published in, as BCP 47 tags: each is served under `/<tag>/` (in lower
     * case), with every page type, its own feeds and search. Vitrine's words come from its dictionary of the
     * language (English, Russian, French, Dutch and German ship with it) or from the site's `i18n/<tag>.json`;
     * a post or page may have a translation beside it (`<slug>.<tag>.mdx`) and a record's text columns one in
     * `<column>.<tag>`. Leave out for a site in one language.
     * @example ["ru", "fr", "nl", "de"]
     */
    translations: z
      .array(z.string().refine(isLanguageTag, { error: 'a language tag like "ru" or "pt-BR"' }))
      .default([])
      .refine((tags) => new Set(tags.map((tag) => tag.toLowerCase())).size === tags.length, {
        error: "each language once",
      }),
    /**
     * IANA time zone the organisation works in, e.g. `Europe/Brussels`: the site's "today", which decides when a
     * post is published, when a period has ended, how many days an open incident or a block has lasted "and
     * counting", and the date figures are "as of". (A canary's expiry day is counted in UTC.)
     */
    timeZone: z.string().refine(isTimeZone, { error: 'an IANA time zone like "Europe/Brussels"' }).default("UTC"),
    /** How the transparency report is put together. */
    report: z
      .object({
        /** Length of a reporting period: `half` (January–June, July–December) or `year`. */
        period: z.enum(["half", "year"], { error: 'one of "half" or "year"' }).default("half"),
        /**
         * Small-count protection: the requests of a country that sent fewer than this in a reporting
         * period are published as "Other countries", without their country, authority, legal basis,
         * route, notes or links, in pages and downloads (totals stay exact). Leave out to name every country.
         * @example 5
         */
        smallCountThreshold: z
          .number({ error: "a whole number of 2 or more" })
          .int({ error: "a whole number of 2 or more" })
          .min(2, { error: "a whole number of 2 or more" })
          .optional(),
        /** What an expired warrant canary does to validate and build: `error` (the default) or `warning` for sites that retired it. */
        expiredCanary: z.enum(["error", "warning"], { error: 'one of "error" or "warning"' }).default("error"),
        /**
         * The day the next report is due, as the organisation promises it: the report for the last whole
         * period (of `period`'s length) that ends before it. From 14 days before, validate, the build and
         * `vitrine doctor` warn; from the day after, the report page, the home page and /status.json say the
         * report is overdue. Move it on when you publish. Left out, nothing is said about the next report.
         * @example "2027-01-31"
         */
        nextDue: z.iso.date({ error: "a date as YYYY-MM-DD: the day the next report is due" }).optional(),
      })
      .prefault({}),
    /**
     * Which kinds of records the site publishes. A kind set to `false` has no data file (a file left in
     * data/ is an error, so nothing is kept by mistake), and the site shows nothing of it: no pages,
     * links, figures, feeds or downloads, rather than a count of zero. A published kind needs its file,
     * if only its header line: unknown is never zero.
     * @example { requests: true, blockingEvents: true, incidents: false }
     */
    publishes: z
      .object(
        {
          /** The transparency report of government requests, from `data/requests.csv`. */
          requests: z.boolean({ error: "true or false" }).default(true),
          /** The blocking log, from `data/blocking-events.csv`. */
          blockingEvents: z.boolean({ error: "true or false" }).default(true),
          /** The incident log, from `data/incidents.csv`. */
          incidents: z.boolean({ error: "true or false" }).default(true),
        },
        { error: "an object with requests, blockingEvents and incidents set to true or false" },
      )
      .prefault({}),
    /** The open data: the files under /data/, their data package, citation and dictionary. */
    openData: z
      .object({
        /**
         * The licence the data is published under, as an SPDX identifier (https://spdx.org/licenses/):
         * stated on /data/, in the data package, CITATION.cff and the page's Dataset metadata. CC-BY-4.0,
         * CC-BY-SA-4.0, CC0-1.0, ODbL-1.0, ODC-By-1.0 and PDDL-1.0 need only their id; any other also
         * `name` and `url`. Left out: CC BY 4.0.
         * @example { id: "CC0-1.0" }
         */
        licence: LicenceSchema,
      })
      .prefault({}),
    /** The warrant canary's signing key; required when content/canary.md exists. */
    canary: CanaryConfigSchema.optional(),
    /** The blog. */
    blog: z
      .object({
        /** Posts per page on /blog/. */
        pageSize: z
          .number({ error: "a whole number of 1 or more" })
          .int({ error: "a whole number of 1 or more" })
          .min(1, { error: "a whole number of 1 or more" })
          .default(10),
      })
      .prefault({}),
    /** What content files (posts, pages, record write-ups and authors under content/) may contain. */
    content: z
      .object({
        /**
         * Let MDX files hold `import` and `export` lines and `{…}` JavaScript expressions. Off by
         * default: content is then Markdown, GFM, the HTML of docs/writing.md and the documented
         * components, and `validate` and the build refuse code with its file, line and column.
         * **When on, every post and page runs as a program at build time**, with everything the build
         * can reach: the repository's files, its environment variables (deploy secrets included),
         * other programs and the network. Turn it on only if everyone who can change content/ may
         * also change the site's code and its deploy.
         * @example false
         */
        allowCode: z.boolean({ error: "true or false" }).default(false),
      })
      .prefault({}),
    /**
     * Show a banner on every page while a blocking event that targets a core service is in force,
     * linking to the event. Off by default.
     */
    blockingBanner: z.boolean({ error: "true or false" }).default(false),
    /**
     * The site's address on Tor, for readers where it is blocked: linked from the banner and every block page,
     * and announced to Tor Browser (the `Onion-Location` header in `_headers`, at the onion root). GitHub Pages sends
     * no headers, so there Tor Browser is not told (`vitrine doctor` warns; Tor Browser also reads
     * `<meta http-equiv="onion-location">`, which HTML does not allow, so Vitrine does not write it). The address
     * only, without a path.
     * @example "http://velinmailxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion"
     */
    onion: z
      .url({
        protocol: /^https?$/,
        hostname: /^[a-z2-7]{56}\.onion$/,
        error: "a Tor v3 onion address, like http://<56 letters and digits>.onion",
      })
      .refine((url) => /^https?:\/\/[^/]+\/?$/.test(url), { error: "the onion address without a path" })
      .transform((url) => url.replace(/\/$/, ""))
      .optional(),
    /**
     * Other addresses that serve a copy of the site, for readers where its own address is blocked: listed on
     * every block page and linked from the banner.
     * @example [{ url: "https://velin-transparency.example.net", name: "Mirror on example.net" }]
     */
    mirrors: z
      .array(
        z.object({
          /** The mirror's address. */
          url: z.url({ protocol: /^https?$/, error: "a mirror's address, like https://mirror.example.net" }),
          /** What readers see as the link's text, e.g. who hosts it. */
          name: z.string({ error: "a name for the mirror" }).min(1, { error: "a name for the mirror" }),
        }),
        { error: "a list of mirrors, each with url and name" },
      )
      .default([]),
    /** Services offered; at least one. */
    services: z.array(ServiceSchema, { error: "a list of services" }).min(1, { error: "at least one service" }),
    /**
     * The site's own components in place of the package's (docs/customising.md), as paths from the site's root
     * folder; each must exist. A replacement may wrap the original: `import Header from "vitrine/components/Header.astro"`.
     * @example { Header: "./src/components/Header.astro", Footer: "./src/components/Footer.astro" }
     */
    components: ComponentsSchema,
    /**
     * Text colours in place of the package's, for the light theme, the dark one or both (docs/theming.md). Each
     * must keep WCAG AA contrast (4.5:1) against the theme's backgrounds.
     * @example { link: { light: "#00607a", dark: "#7fd4ea" }, accent: { light: "#7a3b00" } }
     */
    theme: ThemeSchema,
    /**
     * The organisation's logo in the header, before the site's name: an image file of the site (never a remote
     * address) and its text alternative.
     * @example { src: "./src/assets/logo.svg", alt: "" }
     */
    logo: LogoSchema.optional(),
    /**
     * The site's own CSS files, included on every page after the package's CSS and the theme colours.
     * @example ["./src/site.css"]
     */
    customCss: CustomCssSchema,
    /**
     * Which language a page's social card is drawn in. `"each"`: every page's card in the page's language, as its
     * words are (a cold build draws a set of cards per language). `"main"`: every translation's pages share the main
     * language's cards, so a cold build draws one set, for a site in many languages whose first build takes too
     * long. A right-to-left language always shares the main language's cards (the card renderer cannot lay it out).
     * @example "main"
     */
    socialCardLanguages: z.enum(["each", "main"], { error: '"each" or "main"' }).default("each"),
  })
  .superRefine((config, context) => {
    // The main language is served at `/`: named again among the translations, it would be two sites at once.
    config.translations.forEach((tag, index) => {
      if (tag.toLowerCase() === config.language.toLowerCase())
        context.addIssue({
          code: "custom",
          path: ["translations", index],
          input: tag,
          message: `a language other than the main one (language: "${config.language}", served at /)`,
        });
    });
  });

/** The site configuration as written by the site's owner. */
export type SiteConfigInput = z.input<typeof SiteConfigSchema>;
/** The site configuration with defaults applied. */
export type SiteConfig = z.output<typeof SiteConfigSchema>;
/** Which kinds of records a site publishes, the site config's `publishes` key with defaults applied. */
export type Publishes = SiteConfig["publishes"];
/** The canary key of the site configuration, with the fingerprint normalised. */
export type CanaryConfig = z.output<typeof CanaryConfigSchema>;

/** Thrown when the site configuration is invalid; its message has one line per bad key, and it has no stack trace. */
export class SiteConfigError extends Error {
  override name = "SiteConfigError";

  constructor(message: string) {
    super(message);
    // The lines are the whole message: Astro prints an error's stack under it, which would bury them.
    this.stack = "";
  }
}

/**
 * A key of the site config as its error lines name it, the way the data's fields are named: list items
 * counted from 1, as an editor counts them (`services › item 1 › id`, where the schema's path is `services.0.id`).
 */
export function configKey(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path;
  return first === undefined ? "(config)" : fieldPath(String(first), rest);
}

/** Validates the site configuration; throws a SiteConfigError naming each bad key. */
export function defineSiteConfig(input: SiteConfigInput): SiteConfig {
  const result = SiteConfigSchema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    return `src/site.config.ts: ${configKey(issue.path)}: ${issue.message}, found ${JSON.stringify(issue.input) ?? "nothing"}`;
  });
  throw new SiteConfigError(`The site configuration is invalid:\n${lines.join("\n")}`);
}
