import { defineSiteConfig } from "vitrine/config";

/** The site's settings. Each key is explained in src/contract/site-config-schema.ts. */
export default defineSiteConfig({
  dataFormat: 2,
  name: "Velin Mail Transparency",
  description: "Law-enforcement requests, blocking of our service and incidents, published by Velin Mail.",
  url: "https://transparency.velinmail.be",
  base: "/",
  organisation: {
    name: "Velin Communications SRL",
    jurisdiction: "BE",
    contact: "legal@velinmail.be",
  },
  language: "en-GB",
  // The same site in Russian, French, Dutch and German, at /ru/, /fr/, /nl/ and /de/.
  translations: ["ru", "fr", "nl", "de"],
  timeZone: "Europe/Brussels",
  report: {
    period: "half",
    smallCountThreshold: 3,
    expiredCanary: "error",
    nextDue: "2027-01-31",
  },
  canary: {
    fingerprint: "58AD 5EC1 0BD2 037A A0A5  3217 176F BA0C 5FBA 6AB9",
    publishedAt: ["https://velinmail.be/security/#canary"],
  },
  blog: { pageSize: 10 },
  blockingBanner: true,
  // Where readers reach the site when its address is blocked (the sample's addresses are made up).
  onion: "http://velinmail7l5pznoiqi3zmnfnorbtspjlhi3f3vfu4s5psmom36kumtn.onion",
  mirrors: [{ url: "https://velin-transparency.example.net", name: "Mirror hosted outside Belgium" }],
  services: [
    {
      id: "email",
      name: "Velin Mail",
      description: "Encrypted e-mail: SMTP, IMAP and webmail.",
      targets: ["smtp", "imap", "pop3", "webmail"],
      core: true,
    },
    { id: "calendar", name: "Velin Calendar", description: "Calendar and contacts.", targets: ["api", "app"] },
    { id: "vpn", name: "Velin VPN", description: "A small VPN for our mail customers.", targets: ["vpn"] },
  ],
});
