import type { Language } from "../../i18n/languages.ts";

/**
 * The language a page's card is drawn in: the page's own, except for a right-to-left language, whose cards are the
 * main language's (satori lays text out left to right only, so Arabic or Hebrew would be drawn backwards). `note`
 * is the line the build says about such a fallback.
 */
export function cardLanguage(page: Language, main: Language): { language: Language; note?: string } {
  if (page.dir !== "rtl" || main.dir === "rtl") return { language: page };
  return {
    language: main,
    note: `social cards: ${page.name} (${page.tag}) is written right to left, which the card renderer cannot draw; its pages share the ${main.name} (${main.tag}) cards.`,
  };
}
