import { href } from "./href.ts";
import { languages, pageI18n } from "./i18n.ts";
import { languageOfPath } from "../i18n/languages.ts";

/**
 * Where a link written in MDX goes from the page at `astro.url`. A site path to a page (`/blocking/x/`) stays in the
 * page's language (`/ru/blocking/x/` on a Russian page), so one text reads the same translated or not; a path to a
 * file (`/data/requests.csv`, one for every language) or one that names a language itself (`/fr/…`) gets the base
 * path only. Links to other sites are left as written.
 */
export function contentLink(astro: { url: URL }, target: string): string {
  if (!target.startsWith("/") || target.startsWith("//")) return target;
  const sitePath = target.slice(1);
  const file = /\.[A-Za-z0-9]+$/.test(sitePath.split(/[?#]/)[0] ?? "");
  const named = !languageOfPath(languages, sitePath).main;
  return file || named ? href(target) : pageI18n(astro).href(sitePath);
}
