import { displayNames } from "./intl-cache.ts";
import { remembered } from "./remembered.ts";
import type { Translator } from "../i18n/dictionary.ts";

const SPECIAL: Record<string, string> = {
  mlat: "MLAT (mutual legal assistance treaty)",
  direct_foreign: "Direct request from abroad",
  tax_customs: "Tax or customs",
  authority_type: "Type of authority",
  no_data: "No data held",
  partially_disclosed: "Partially disclosed",
  account_action: "Account action",
  court_order: "Court order",
  no_legal_basis: "No legal basis",
  wrong_jurisdiction: "Wrong jurisdiction",
  formal_defect: "Formal defect",
  insecure_channel: "Sent over an insecure channel",
  overbroad: "Overbroad",
  tcp_reset: "TCP reset",
  sni: "SNI filtering",
  dns: "DNS",
  ip: "IP blocking",
  http: "HTTP filtering",
  smtp: "SMTP (mail delivery)",
  imap: "IMAP",
  pop3: "POP3",
  api: "API",
  vpn: "VPN",
  realtime: "Real-time interception",
};

/** The text with its first letter in upper case: "since 4 March 2020" → "Since 4 March 2020". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Plain words for a data-contract word, e.g. `partially_disclosed` → "Partially disclosed": the dictionary's
 * `words.<word>` in the translator's language, or English without one (tools, and a word no dictionary has).
 */
export function label(word: string, translator?: Translator): string {
  const key = `words.${word}`;
  if (translator?.has(key)) return translator.t(key);
  const special = SPECIAL[word];
  if (special) return special;
  return capitalise(word.replace(/_/g, " "));
}

/** Plain words for a yes/no/blank value, in the translator's language (English without one). */
export function yesNoLabel(value: boolean | undefined, translator?: Translator): string {
  if (translator) return translator.t(value === undefined ? "words.unknownValue" : value ? "words.yes" : "words.no");
  return value === undefined ? "Unknown" : value ? "Yes" : "No";
}

const countryNames = new Map<string, string>();

/**
 * The country code of requests published as "Other countries" (small-count protection, see
 * src/model/report/small-count-mask.ts). `ZZ` is the ISO 3166-1 user-assigned code CLDR uses for an
 * unnamed region: no country has it, so it never collides with a real one.
 */
export const OTHER_COUNTRIES = "ZZ";

/** The country's name in the site's language, from its ISO code (e.g. `RU` → "Russia"); `ZZ` is "Other countries". */
export function countryName(code: string, locale = "en", translator?: Translator): string {
  if (code === OTHER_COUNTRIES) return translator ? translator.t("words.other_countries") : "Other countries";
  return remembered(
    countryNames,
    `${locale}\u0000${code}`,
    () => displayNames(locale, { type: "region" }).of(code) ?? code,
  );
}
