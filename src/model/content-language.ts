import type { ContentTranslation } from "../contract/schemas/content-translation.ts";

/** Which text of a post, page or write-up a page in some language shows, and in what language it is. */
export interface ContentText {
  /** The content entry whose body the page renders: the original's id, or its translation's (`<id>.<tag>`). */
  entry: string;
  /** The tag of the language the text is in, as the site config spells it: the `lang` of the text on the page. */
  language: string;
  /**
   * `original`: the page is in the text's own language; `translation`: a translation into the page's language;
   * `untranslated`: the page's language has none, so the original is shown (and says so).
   */
  status: "original" | "translation" | "untranslated";
  /** A translation whose original changed after it was written (`sourceUpdated`). */
  outdated: boolean;
  /** Every language the text is written in: the main language first, then those of its translations, as the config spells them. */
  languages: readonly string[];
  /** A post's translation: its labels of the original's tags in its language, by slug (none for an original). */
  tagLabels?: Readonly<Record<string, string>> | undefined;
}

/** A content file as the model reads it, original or translation (see blog-model.ts's ContentItem). */
interface TranslatableItem {
  id: string;
  data: unknown;
  mentions: readonly string[];
  translation?: ContentTranslation | undefined;
}

/**
 * The originals of `items` as a page in `language` shows them: each with its translation's frontmatter when it has
 * one in that language, else its own, and which text that is. The originals are in the site's `main` language;
 * translations are left out of the list (they are not posts, pages or write-ups of their own), and an original keeps
 * its own record mentions, so that it is related to the same records in every language.
 */
export function inLanguage<Item extends TranslatableItem>(
  items: readonly Item[],
  language: string,
  main: string,
): (Item & { text: ContentText })[] {
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const translations = items.filter((item) => item.translation !== undefined);
  return items
    .filter((item) => item.translation === undefined)
    .map((item) => {
      const own = translations.filter((t) => t.translation?.of === item.id);
      const languages = [main, ...own.flatMap((t) => t.translation?.language ?? [])];
      const original = (status: ContentText["status"]) => ({
        ...item,
        text: { entry: item.id, language: main, status, outdated: false, languages },
      });
      if (same(language, main)) return original("original");
      const translation = own.find((t) => t.translation && same(t.translation.language, language));
      return translation?.translation
        ? {
            ...item,
            data: translation.data,
            text: {
              entry: translation.id,
              language: translation.translation.language,
              status: "translation" as const,
              outdated: translation.translation.outdated,
              languages,
              tagLabels: translation.translation.tags,
            },
          }
        : original("untranslated");
    });
}
