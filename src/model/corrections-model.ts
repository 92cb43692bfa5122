import type { PartialDate } from "../contract/fields/partial-date.ts";
import type { Correction } from "../contract/schemas/correction.ts";
import { formatPartialDate } from "../format/format-date.ts";
import type { Translator } from "../i18n/dictionary.ts";
import { englishTranslator } from "../i18n/english.ts";
import { figureKey } from "../release/release-tables.ts";
import { periodPath } from "./paths.ts";
import { requestAuthority, type RecordView } from "./record-views.ts";
import { WITHHELD_FIELDS } from "./report/small-count-mask.ts";

/** A release as the model reads it: version, day, and the keys (record ids, figure keys) it holds. */
export interface ReleaseKeys {
  version: string;
  /** `YYYY-MM-DD`. */
  date: string;
  keys: readonly string[];
}

/** A correction as readers see it, on its record's or period's page, on /data/corrections/ and in its feed. */
export interface CorrectionView {
  /** Stable across builds: the record, field and day. */
  id: string;
  date: PartialDate;
  /** The day in words: "12 March 2026". */
  dateText: string;
  /** The record id or figure key the correction names, as the data spells it. */
  record: string;
  /** What it concerns, in words: the record's title, or the figure. */
  title: string;
  /** The language the title is in (a record's own text may be in the main language), as `RelatedRef.titleLanguage`. */
  titleLanguage: string;
  /** Free text the title holds in its own language (a request's authority), as `RelatedRef.inner`. */
  inner?: { text: string; language: string } | undefined;
  /** Site-relative page where the corrected value is shown: the record's, or the figure's period; none for a record withdrawn. */
  path: string | undefined;
  /** The corrected column; undefined when the whole record was withdrawn. */
  field: string | undefined;
  /** The value before and after; both undefined when withheld (a withheld field of a row published as "Other countries"). */
  oldValue: string | undefined;
  newValue: string | undefined;
  /** One sentence in the page's language: `Corrected on 12 March 2026: outcome was “rejected”, now “complied”.` */
  sentence: string;
  reason: string;
}

/** The releases and corrections of the site, worked out once. */
export interface ReleasesModel {
  /** The latest release, when there is one. */
  latest: { version: string; date: string } | undefined;
  /** Every correction, newest first (rows of one day in the file's order). */
  corrections: CorrectionView[];
  /** Corrections of a record (by id) or of a period's figures (`period:<key>`, e.g. `period:2024-h1`), newest first. */
  correctionsOf: (key: string) => CorrectionView[];
  /** When a record or figure was first published in a release: that release's day (midnight UTC), or the build time. */
  firstReleased: (key: string) => Date;
}

/** A published figure as the model names it: its key in the downloads, and its period's key. */
export interface FigureRef {
  key: string;
  periodKey: string;
  /** The figure as a title: "Published figure for 2014: requests by country BE". */
  words: string;
  /** What it counts, within its period: "requests by country BE", "requests (vpn) in total". */
  part: string;
}

/** What corrections are shown with: the records, the figures and the period pages. */
export interface CorrectionsContext {
  locale: string;
  /** The page's words (`corrections.*`): English when not given. */
  translator?: Translator | undefined;
  /** The site's main language, that records' untranslated texts are in: the page's (`locale`) when not given. */
  main?: string | undefined;
  now: Date;
  record: (id: string) => RecordView | undefined;
  figures: readonly FigureRef[];
  periodPages: ReadonlySet<string>;
}

/** A value as a correction's sentence quotes it, in the page's quotation marks, or the word for a blank one. */
const quote = (value: string | undefined, translator: Translator): string =>
  value === undefined ? translator.t("corrections.blank") : translator.t("corrections.value", { value });

/** A correction's sentence in the page's language: withdrawn, withheld, or its value before and after. */
function sentenceOf(
  correction: Correction,
  parts: { dateText: string; hidden: boolean; figure: FigureRef | undefined },
  translator: Translator,
): string {
  const { dateText: date, hidden, figure } = parts;
  const field = correction.field;
  if (field === undefined) return translator.t("corrections.withdrawn", { date });
  if (hidden) return translator.t("corrections.withheld", { date, field });
  const values = {
    date,
    field,
    old: quote(correction.old_value, translator),
    new: quote(correction.new_value, translator),
  };
  return figure
    ? translator.t("corrections.changedFigure", { ...values, figure: figure.part })
    : translator.t("corrections.changed", values);
}

/** Whether a correction's values must stay unpublished: a withheld field of a row published as "Other countries". */
function withheld(view: RecordView | undefined, field: string | undefined): boolean {
  return (
    view?.kind === "requests" &&
    view.withheld !== undefined &&
    (WITHHELD_FIELDS as readonly string[]).includes(field ?? "")
  );
}

/** One correction as readers see it. */
function correctionView(correction: Correction, context: CorrectionsContext): CorrectionView & { group: string } {
  const translator = context.translator ?? englishTranslator(context.locale);
  const dateText = formatPartialDate(correction.date, translator);
  const view = context.record(correction.record);
  const figure = view
    ? undefined
    : context.figures.find((f) => f.key.toLowerCase() === correction.record.toLowerCase());
  const record = figure?.key ?? correction.record;
  const periodKey = figure?.periodKey ?? (view ? undefined : record.split("/")[0]?.toLowerCase());
  const path = view?.path ?? (periodKey && context.periodPages.has(periodKey) ? periodPath(periodKey) : undefined);
  const field = correction.field;
  const hidden = withheld(view, field);
  return {
    id: `${record}/${field ?? ""}/${correction.date.text}`,
    date: correction.date,
    dateText,
    record,
    title: view?.title ?? figure?.words ?? record,
    titleLanguage:
      view === undefined || view.kind === "requests"
        ? translator.language.tag
        : (view.textLanguage?.["title"] ?? context.main ?? context.locale),
    inner: view && requestAuthority(view, context.main ?? context.locale),
    path,
    field,
    oldValue: hidden ? undefined : correction.old_value,
    newValue: hidden ? undefined : correction.new_value,
    sentence: sentenceOf(correction, { dateText, hidden, figure }, translator),
    reason: correction.reason,
    group: view ? view.id : `period:${periodKey ?? ""}`,
  };
}

/** The releases and corrections of a site: corrections newest first and by what they concern, first-release days. */
export function buildReleasesModel(
  releases: readonly ReleaseKeys[],
  corrections: readonly Correction[],
  context: CorrectionsContext,
): ReleasesModel {
  const views = corrections
    .map((correction) => correctionView(correction, context))
    .toSorted((a, b) => b.date.start.localeCompare(a.date.start));
  const byGroup = Map.groupBy(views, (view) => view.group);
  const first = new Map<string, string>();
  // Releases come oldest first: the first to hold a key released it.
  for (const release of releases) for (const key of release.keys) if (!first.has(key)) first.set(key, release.date);
  const latest = releases.at(-1);
  const strip = ({ group: _group, ...view }: CorrectionView & { group: string }): CorrectionView => view;
  return {
    latest: latest && { version: latest.version, date: latest.date },
    corrections: views.map(strip),
    correctionsOf: (key) => (byGroup.get(key) ?? []).map(strip),
    firstReleased: (key) => {
      const day = first.get(key);
      return day === undefined ? context.now : new Date(`${day}T00:00:00Z`);
    },
  };
}

/**
 * A figure's reference for corrections: its key as the downloads write it, its period's key and its words (the
 * title's in the translator's language, English by default; what it counts as the data names it).
 */
export function figureRef(
  figure: {
    period: { text: string; key: string };
    service?: string | undefined;
    measure: string;
    dimension: string;
    category?: string | undefined;
  },
  translator: Translator = englishTranslator(),
): FigureRef {
  const key = figureKey({ ...figure, period: figure.period.text });
  const service = figure.service === undefined ? "" : ` (${figure.service})`;
  const by =
    figure.dimension === "total" ? "in total" : `by ${figure.dimension.replace(/_/g, " ")} ${figure.category ?? ""}`;
  const part = `${figure.measure}${service} ${by}`;
  const words = translator.t("corrections.figure", { period: figure.period.text, figure: part });
  return { key, periodKey: figure.period.key, words, part };
}
