// Your site's settings. Change the values after the colons; keep the quotes and commas.
// After any change, run `npm run validate`: it names the key and says what it expected.
import { defineSiteConfig } from "vitrine/config";

export default defineSiteConfig({
  // The version of the data format your CSV files follow; `npx vitrine migrate` updates it.
  dataFormat: 2,
  // The site's name, shown in the header and the browser's title bar.
  name: "{{name}} Transparency Report",
  // One sentence for search engines and social cards.
  description: "Government requests for user data, blocking of our services and incidents, published by {{name}}.",
  // CHANGE THIS: the address where the site will be published (links in feeds and social cards use it).
  url: "{{url}}",
  // The sub-path the site is served under, like "/transparency/"; "/" when it has its own address.
  base: "/",
  // The organisation publishing the report.
  organisation: {
    // Its legal name.
    name: "{{name}}",
    // CHANGE THIS: the country whose law it answers to, as a two-letter ISO code in capitals ("DE", "CH", "US").
    jurisdiction: "NL",
    // CHANGE THIS: the address readers can write to about the report (delete the line to show none).
    contact: "transparency@example.org",
  },
  // The language of the site, like "en", "fr" or "fr-BE".
  language: "en",
  // Other languages to publish the site in, each at /<code>/, like ["fr", "nl"]: Vitrine's words come in English,
  // Russian, French, Dutch and German; for another language, add its words in i18n/<code>.json.
  translations: [],
  // Social cards in each page's language ("each"), or the main language's cards on every translation ("main": one
  // set of cards to draw, a faster first build for a site in many languages).
  socialCardLanguages: "each",
  // Your organisation's time zone, like "Europe/Amsterdam": dates and "today" are counted in it.
  timeZone: "UTC",
  // How the transparency report is put together.
  report: {
    // The length of a reporting period: "half" (January–June, July–December) or "year".
    period: "half",
    // Countries that sent fewer requests than this in a period are published as "Other countries" (delete to name every country).
    smallCountThreshold: 3,
    // What an expired warrant canary does: "error" stops the build; "warning" is for sites that retired their canary.
    expiredCanary: "error",
    // The day your next report is due: validate warns from 14 days before, and after it the site says it is overdue.
    // nextDue: "2027-01-31",
  },
  // Which kinds of records you publish; set one to false to leave it out of the site (and delete its file in data/).
  publishes: {
    // Government requests for user data, from data/requests.csv.
    requests: true,
    // Blocking of your services by governments or networks, from data/blocking-events.csv.
    blockingEvents: true,
    // Incidents (breaches, outages, account actions), from data/incidents.csv.
    incidents: true,
  },
  // What the open data under /data/ says about itself.
  openData: {
    // The licence of your data, as an SPDX id: "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "ODbL-1.0", "ODC-By-1.0" or "PDDL-1.0"
    // (any other also needs name: "…" and url: "…"; see node_modules/vitrine/docs/data-format.md).
    licence: { id: "CC-BY-4.0" },
  },
  // The warrant canary's signing key: add it when you publish content/canary.md (how to sign it: node_modules/vitrine/docs/writing.md).
  // canary: {
  //   // The fingerprint of the key that signs content/canary.md, as `gpg --fingerprint` prints it.
  //   fingerprint: "0000 0000 0000 0000 0000  0000 0000 0000 0000 0000",
  //   // Other pages that publish the same fingerprint, so readers can compare.
  //   publishedAt: ["https://www.example.org/security/"],
  // },
  // The blog.
  blog: {
    // How many posts each page of /blog/ lists.
    pageSize: 10,
  },
  // What files under content/ may contain.
  content: {
    // Leave false: true lets posts run code when the site is built (see node_modules/vitrine/docs/writing.md).
    allowCode: false,
  },
  // Show a banner on every page while a core service (below) is blocked somewhere.
  blockingBanner: false,
  // Where readers reach the site when its address is blocked: uncomment what you run (see node_modules/vitrine/docs/security.md).
  // Its Tor onion address, linked from the banner and block pages, and announced to Tor Browser by the
  // Onion-Location header on hosts that send _headers (Netlify, Cloudflare Pages; not GitHub Pages).
  // onion: "http://<56 letters and digits>.onion",
  // Copies of the site on other addresses, listed in the same places.
  // mirrors: [
  //   {
  //     // The mirror's address.
  //     url: "https://mirror.example.net",
  //     // The link's text, e.g. who hosts it.
  //     name: "Mirror hosted by …",
  //   },
  // ],
  // Your own look, without changing Vitrine's code: uncomment what you use (see node_modules/vitrine/docs/customising.md).
  // Components of your own in place of Vitrine's, as paths from this folder; yours may wrap Vitrine's.
  // components: {
  //   // The site header: logo, name, navigation.
  //   Header: "./src/components/Header.astro",
  //   // The site footer.
  //   Footer: "./src/components/Footer.astro",
  //   // The home page's heading and introduction.
  //   HomeIntro: "./src/components/HomeIntro.astro",
  //   // The "Share" section after each blog post.
  //   PostShare: "./src/components/PostShare.astro",
  // },
  // Text colours for the light and the dark theme; each must keep enough contrast (node_modules/vitrine/docs/theming.md).
  // theme: {
  //   // Body text.
  //   text: {
  //     // In the light theme.
  //     light: "#1b1f24",
  //     // In the dark theme.
  //     dark: "#e6edf3",
  //   },
  //   // Secondary text: dates, the footer.
  //   muted: { light: "#4a5361", dark: "#9ba7b4" },
  //   // Links.
  //   link: { light: "#0b57b0", dark: "#79b8ff" },
  //   // Warnings: ongoing blocks, an expired canary.
  //   accent: { light: "#8a1c1c", dark: "#ff9492" },
  // },
  // Your logo in the header, before the site's name.
  // logo: {
  //   // The image file, in this folder (never an address on another site).
  //   src: "./src/assets/logo.svg",
  //   // What it says for readers who cannot see it; "" when the name beside it says it all.
  //   alt: "",
  // },
  // CSS files of your own, included after Vitrine's on every page.
  // customCss: ["./src/site.css"],
  // The services you offer, at least one; blocking events say which of them were blocked.
  services: [
    {
      // A short id of lowercase letters, digits and hyphens.
      id: "main",
      // The name readers know it by.
      name: "{{name}}",
      // One sentence on what it is.
      description: "CHANGE THIS: one sentence on what this service is.",
      // What a blocking event must target to affect it: smtp, imap, pop3, webmail, website, app, api, vpn…
      targets: ["website"],
      // A core service: while it is blocked, the banner (if switched on above) says so.
      core: true,
    },
  ],
});
