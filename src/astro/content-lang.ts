import { mainLanguage } from "./i18n.ts";
import type { Language } from "../i18n/languages.ts";
import type { ContentText } from "../model/content-language.ts";

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

/**
 * The `lang` attribute for a post's or page's words (title, description, body) as the model gives them for the page's
 * language: the original's language when the page shows it untranslated, undefined when the words are the page's own
 * (the original on a main-language page, or a translation).
 */
export function textLang(text: Pick<ContentText, "status" | "language">): string | undefined {
  return text.status === "untranslated" ? text.language : undefined;
}
