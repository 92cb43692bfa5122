import type { Publishes } from "../contract/site-config-schema.ts";
import type { Translator } from "../i18n/dictionary.ts";

/** The words the search page's script shows, in the page's language; it runs in the browser, without the dictionary. */
export interface SearchMessages {
  /** The page's language tag, for `Intl.PluralRules` and number formats in the browser. */
  locale: string;
  searching: string;
  /** With `{query}` in it. */
  noResults: string;
  /** "{count} results for “{query}”" by plural category of the page's language (`one`, `few`, `many`, `other`…). */
  results: Partial<Record<Intl.LDMLPluralRule, string>>;
  failed: string;
  moreFailed: string;
  /** A result's kind by the site-relative path its pages start with, longest first (`ru/blog/` → "Запись блога"). */
  kinds: [prefix: string, label: string][];
  /** The kind of a result under none of `kinds`. */
  page: string;
}

/** Counts tried for each plural category, in order: the first the language's rules give the category stands for it. */
const SAMPLE_COUNTS = [1, 2, 3, 5, 0, 11, 21, 22, 25, 101, 1_000_000, 1.5];

/**
 * A plural message as one template per plural category of `translator`'s language, with `{count}` and `{query}` left
 * in for the browser to fill: the message is formatted once with a count of each category, and that count, as the
 * language writes it (as a message's `#` does), is put back as `{count}`. The browser picks the template with `Intl.PluralRules`.
 */
export function pluralTemplates(
  translator: Pick<Translator, "language" | "t">,
  key: "search.results",
): Partial<Record<Intl.LDMLPluralRule, string>> {
  const tag = translator.language.tag;
  const rules = new Intl.PluralRules(tag);
  const templates: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  for (const category of rules.resolvedOptions().pluralCategories) {
    const count = SAMPLE_COUNTS.find((sample) => rules.select(sample) === category);
    if (count === undefined) continue;
    templates[category] = translator
      .t(key, { count, query: "{query}" })
      .replace(new Intl.NumberFormat(tag).format(count), "{count}");
  }
  return templates;
}

/**
 * The search script's words for a page in `translator`'s language; `localise` puts a site path in that language.
 * Only the kinds of records the site publishes are named (a site without requests has no path of theirs).
 */
export function searchMessages(
  translator: Translator,
  localise: (sitePath: string) => string,
  publishes: Publishes = { requests: true, blockingEvents: true, incidents: true },
): SearchMessages {
  const { t } = translator;
  const kinds: [string, string][] = [
    ...(publishes.requests ? [[localise("transparency/requests/"), t("search.kindRequest")] as [string, string]] : []),
    ...(publishes.blockingEvents ? [[localise("blocking/"), t("search.kindBlockingEvent")] as [string, string]] : []),
    ...(publishes.incidents ? [[localise("incidents/"), t("search.kindIncident")] as [string, string]] : []),
    [localise("blog/"), t("search.kindPost")],
  ];
  return {
    locale: translator.language.tag,
    searching: t("search.searching"),
    noResults: t("search.noResults", { query: "{query}" }),
    results: pluralTemplates(translator, "search.results"),
    failed: t("search.failed"),
    moreFailed: t("search.moreFailed"),
    kinds: kinds.toSorted((a, b) => b[0].length - a[0].length),
    page: t("search.kindPage"),
  };
}
