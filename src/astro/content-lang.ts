import { mainLanguage } from "./i18n.ts";
import type { Language } from "../i18n/languages.ts";

/**
 * The `lang` attribute for text written in `written` (the main language by default: posts, pages, authors' bios;
 * `{ tag: "en" }` for the data's own descriptions) shown on a page in `page`: the text's tag when its language
 * differs from the page's, so that screen readers and search read it in its own language; undefined when they are
 * the same (`en` text on an `en-GB` page too), and the attribute is left out.
 */
export function contentLang(page: Language, written: Pick<Language, "tag"> = mainLanguage): string | undefined {
  const pageTag = page.tag.toLowerCase();
  const writtenTag = written.tag.toLowerCase();
  const same = pageTag === writtenTag || new Intl.Locale(pageTag).language === writtenTag;
  return same ? undefined : written.tag;
}
