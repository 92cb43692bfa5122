import { mainLanguage } from "./i18n.ts";
import { directionOf, type Language } from "../i18n/languages.ts";
import { contentLang } from "./content-lang.ts";

/**
 * The `lang` attribute of text written in the site's main language (a record's free text, the canary statement) on
 * a page in `language`: the main language's tag on a translated page, so screen readers and search read it as what
 * it is; undefined on the main language's own pages, where the page's `lang` already says it.
 */
export function dataLang(language: Language): string | undefined {
  return language.tag === mainLanguage.tag ? undefined : mainLanguage.tag;
}

/** The `lang` and `dir` attributes of a text on a page: none when it is in the page's language. */
export interface TextAttributes {
  lang?: string;
  dir?: "ltr" | "rtl";
}

/**
 * The attributes of a text written in `tag` (the main language when not known) on a page in `language`: its `lang`
 * when it is another language than the page's, and its `dir` too when that runs the other way (English on an Arabic
 * page), so it is read and laid out as what it is. Spread them on the element: `<a {...textAttributes(l, tag)}>`.
 */
export function textAttributes(language: Language, tag: string | undefined = mainLanguage.tag): TextAttributes {
  const lang = contentLang(language, { tag });
  if (lang === undefined) return {};
  const dir = directionOf(tag);
  return dir === language.dir ? { lang } : { lang, dir };
}

/** The attributes of a record's free text (`field`: "title", "summary"…) as the model says it is written on a page in `language`. */
export function recordTextAttributes(
  language: Language,
  record: { textLanguage?: Readonly<Record<string, string>> | undefined },
  field: string,
): TextAttributes {
  return textAttributes(language, record.textLanguage?.[field]);
}
