import type { RecordTranslations } from "../../load/csv/translated-columns.ts";

/** A record as the collections hold it: its data, and its free-text columns in other languages when it has any. */
export type WithTranslations<T> = T & { translations?: RecordTranslations | undefined };

/** A record's data with its free text in a page's language, and the language each of those texts is in. */
export interface RecordText<T> {
  /** The record with each translated column in the page's language where it has a translation, else as written. */
  data: T;
  /** The language tag of each free-text column it has: the page's where translated, the main language's otherwise (for `lang`). */
  textLanguage: Readonly<Record<string, string>>;
}

/**
 * A record's free-text `columns` in `language` (the page's): a column takes its translation into that language when
 * the record has one, and keeps the original (in `main`) otherwise. A column the record does not show (blank, or
 * withheld under small-count protection) stays so, whatever its translations. The translations themselves are left out
 * of the data, so that nothing downstream (the downloads) sees them.
 */
export function recordInLanguage<T extends object>(
  record: WithTranslations<T>,
  columns: readonly string[],
  language: string,
  main: string,
): RecordText<T> {
  const { translations, ...rest } = record;
  const data = rest as T & Record<string, unknown>;
  const own = Object.entries(translations ?? {}).find(([tag]) => tag.toLowerCase() === language.toLowerCase())?.[1];
  const shown: Record<string, unknown> = {};
  const textLanguage: Record<string, string> = {};
  for (const column of columns) {
    if (typeof data[column] !== "string") continue;
    const translated = own?.[column];
    if (translated !== undefined) shown[column] = translated;
    textLanguage[column] = translated !== undefined ? language : main;
  }
  return { data: { ...data, ...shown }, textLanguage };
}
