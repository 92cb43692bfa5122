import type { Publishes } from "../contract/site-config-schema.ts";
import { listFormat } from "../format/intl-cache.ts";
import type { Translator } from "../i18n/dictionary.ts";
import { englishTranslator } from "../i18n/english.ts";

/** A kind of records the site may publish, by its key in the site config's `publishes`. */
export type RecordKind = keyof Publishes;

/** The section of the site each kind of records has: its index page's site-relative path. */
export const RECORD_SECTIONS = {
  requests: { path: "transparency/" },
  blockingEvents: { path: "blocking/" },
  incidents: { path: "incidents/" },
} as const satisfies Record<RecordKind, Pick<PublishedSection, "path">>;

/** A section of a kind the site publishes. */
export interface PublishedSection {
  kind: RecordKind;
  /** Site-relative path of its index page, e.g. `transparency/`. */
  path: string;
  /** Its name in the navigation, e.g. `Requests`. */
  label: string;
  /** One of its records in words, e.g. `blocking event`. */
  singular: string;
  /** Its records in words, e.g. `blocking events`. */
  plural: string;
  /** The section in words, as a link to it reads after "the": `requests`, `blocking log`. */
  log: string;
}

/**
 * Words as a list in a sentence, as the language of `locale` joins them (CLDR, through `Intl.ListFormat`): `a`,
 * `a and b`, `a, b and c` in British English; `a, b и c` in Russian.
 */
export function wordList(words: readonly string[], locale = "en-GB"): string {
  return listFormat(locale, { type: "conjunction" }).format(words);
}

/**
 * The sections of the kinds `publishes` turns on, in navigation order, named in the translator's language (English
 * without one): a kind turned off has no links anywhere.
 */
export function publishedSections(
  publishes: Publishes,
  translator: Translator = englishTranslator(),
): PublishedSection[] {
  const { t } = translator;
  return (Object.keys(RECORD_SECTIONS) as RecordKind[])
    .filter((kind) => publishes[kind])
    .map((kind) => ({
      kind,
      path: RECORD_SECTIONS[kind].path,
      label: t(`sections.${kind}.label`),
      singular: t(`sections.${kind}.singular`),
      plural: t(`sections.${kind}.plural`),
      log: t(`sections.${kind}.log`),
    }));
}

/**
 * What a country's page and feed cover, as far as the site publishes it, in the translator's language: `Requests
 * from authorities in Russia and blocking of our service there`, or only one of the two; `blocked` names what is
 * blocked (the translator's `sections.ourService` when left out).
 */
export function countryCoverage(
  name: string,
  publishes: Publishes,
  blocked?: string,
  translator: Translator = englishTranslator(),
): string {
  const { t } = translator;
  const values = { country: name, blocked: blocked ?? t("sections.ourService") };
  if (publishes.requests && publishes.blockingEvents) return t("sections.countryCoverage.both", values);
  if (publishes.requests) return t("sections.countryCoverage.requests", values);
  return t("sections.countryCoverage.blocking", values);
}
