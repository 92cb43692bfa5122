import { mainLanguage } from "./i18n.ts";
import type { Language } from "../i18n/languages.ts";

/**
 * The `lang` attribute of text written in the site's main language (a record's free text, the canary statement) on
 * a page in `language`: the main language's tag on a translated page, so screen readers and search read it as what
 * it is; undefined on the main language's own pages, where the page's `lang` already says it.
 */
export function dataLang(language: Language): string | undefined {
  return language.tag === mainLanguage.tag ? undefined : mainLanguage.tag;
}
