import type { Language } from "../../i18n/languages.ts";

/**
 * The language a page's card is drawn in: the page's own; the main language's when the site shares the main
 * language's cards (`socialCardLanguages: "main"`, `shared`); and the main language's for a right-to-left language
 * (satori lays text out left to right only, so Arabic or Hebrew would be drawn backwards), with `note`, the line the
 * build says about that fallback.
 */
export function cardLanguage(page: Language, main: Language, shared = false): { language: Language; note?: string } {
  if (shared) return { language: main };
  if (page.dir !== "rtl" || main.dir === "rtl") return { language: page };
  return {
    language: main,
    note: `social cards: ${page.name} (${page.tag}) is written right to left, which the card renderer cannot draw; its pages share the ${main.name} (${main.tag}) cards.`,
  };
}
