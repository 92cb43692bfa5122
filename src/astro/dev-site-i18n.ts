import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { AstroIntegrationLogger } from "astro";
import { formatProblem, sortProblems } from "../load/validation/problem.ts";
import { siteLanguages, type LanguageConfig } from "../i18n/languages.ts";
import { primaryOf, readSiteI18n, SITE_DICTIONARY_FOLDER, type SiteI18n } from "../i18n/read-dictionaries.ts";
import { setDictionaryProblems } from "./dev-problems.ts";

const LAST_VALID = Symbol.for("vitrine.devSiteI18n");
type Slot = { [LAST_VALID]?: SiteI18n | undefined };

/**
 * The dictionary files `astro dev` restarts on when they change, appear or go: every `i18n/*.json` the site has,
 * and the one each of its languages (and each language's primary tag, `fr` for `fr-BE`) may have.
 */
export function dictionaryFilesToWatch(config: LanguageConfig, root: string): string[] {
  const folder = path.join(root, SITE_DICTIONARY_FOLDER);
  const existing = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(".json")) : [];
  const possible = siteLanguages(config).flatMap((language) => [language.tag, primaryOf(language.tag)]);
  return [...new Set([...existing, ...possible.filter(Boolean).map((tag) => `${tag}.json`)])].map((name) =>
    path.join(folder, name),
  );
}

/**
 * The site's languages and words `astro dev` (re)starts with. Valid dictionaries are used, and kept as the last
 * valid ones; with a problem in one, the server goes on with the last valid words of this process (at first, the
 * words it could read, Vitrine's own for the rest), logs the problems and shows them on every page
 * (dev-problems.ts) until the file is fixed. A build stops instead (integration.ts).
 */
export function devSiteI18n(config: LanguageConfig, root: string, logger: AstroIntegrationLogger): SiteI18n {
  const slot = globalThis as Slot;
  const read = readSiteI18n(config, root);
  if (read.problems.length === 0) {
    slot[LAST_VALID] = read;
    setDictionaryProblems(undefined);
    return read;
  }
  const lines = sortProblems(read.problems).map(formatProblem);
  setDictionaryProblems(lines);
  logger.error(
    `The site's dictionaries have problems; the preview goes on with their last valid words until they are fixed:\n${lines.join("\n")}`,
  );
  // The last valid words, when the languages are still the config's.
  const last = slot[LAST_VALID];
  const same =
    last !== undefined && last.languages.map((l) => l.tag).join() === read.languages.map((l) => l.tag).join();
  return { ...(same ? last : read), problems: [] };
}
