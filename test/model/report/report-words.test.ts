import { describe, expect, it } from "vitest";
import { englishTranslator } from "../../../src/i18n/english.ts";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { buildSiteModel } from "../../../src/model/site-model.ts";
import { siteModelInput } from "../../../src/model/project-model.ts";
import { periodLabel, periodPhrase, periodShortLabel } from "../../../src/model/report/period-words.ts";
import { ledgerRateText } from "../../../src/model/report/rate-text.ts";
import { withheldWords } from "../../../src/model/report/small-count-mask.ts";
import { accountsWords } from "../../../src/model/report/accounts-figure.ts";
import site from "../../../src/site.config.ts";
import { FIXED_NOW, repoRoot } from "../../helpers/fixture-site.ts";
import { englishPhrases, phrasesIn, shippedTranslator } from "../../helpers/shipped-translator.ts";

const russian = shippedTranslator("ru");
const english = englishTranslator();
const half = { kind: "half", year: 2024, start: "2024-07-01", end: "2024-12-31" } as const;

describe("the report's words in the page's language", () => {
  it("names periods in Russian, declined as each sentence needs them", () => {
    expect(periodLabel(half, russian)).toBe("Второе полугодие 2024 года");
    expect(periodShortLabel(half, russian)).toBe("2 пол. 2024");
    expect(periodPhrase(half, "since", russian)).toBe("со второго полугодия 2024 года");
    expect(periodPhrase(half, "in", russian)).toBe("во втором полугодии 2024 года");
    expect(periodPhrase({ kind: "year", year: 2014, start: "2014-01-01" }, "for", russian)).toBe("за 2014 год");
    expect(periodLabel(half, english)).toBe("Second half of 2024");
    expect(periodPhrase(half, "since", english)).toBe("since the second half of 2024");
  });
  it("gives Russian plurals their forms: 1 запроса, 2 запросов, 5 запросов; 1 день, 2 дня, 5 дней", () => {
    expect(withheldWords(1, russian)).toContain("менее 1 запроса");
    expect(withheldWords(3, russian)).toContain("менее 3 запросов");
    expect(withheldWords(5, russian)).toContain("менее 5 запросов");
    const coverage = (requests: number) => accountsWords({ known: 4, requestsWith: 1, requests }, russian).coverage;
    expect(coverage(2)).toBe("указаны в 1 из 2 запросов");
    expect(coverage(21)).toBe("указаны в 1 из 21 запроса");
    expect(ledgerRateText({ disclosureRate: undefined, tooFewToRate: true } as never, russian)).toBe(
      "слишком мало для расчёта",
    );
  });
  it("builds the sample's report model in Russian with no English word of the report's dictionary in it", async () => {
    const project = await loadProject(repoRoot, { now: FIXED_NOW, expiredCanary: "warning" });
    const input = siteModelInput(project, { ...site, language: "ru" }, FIXED_NOW);
    const model = buildSiteModel({ ...input, translator: russian });
    const inEnglish = buildSiteModel(input);
    const words = [
      ...model.periodRows.flatMap((row) => [row.label, row.shortLabel]),
      ...model.published.periods.flatMap((p) => [
        p.label,
        ...[p.organisation, ...p.services].flatMap((s) =>
          (s?.requests?.breakdowns ?? []).flatMap((b) => b.categories.map((c) => c.label)),
        ),
      ]),
      ...model.countries.map((c) => c.requestCount),
      ...["requests", "disclosure_rate", "accounts", "median_days_to_respond", "countries"].flatMap((metric) => {
        const figure = model.figure({ metric: metric as never, period: "2024-h1", country: "BE" });
        return [figure.text, figure.scope];
      }),
    ].join("\n");
    expect(words).toContain("Первое полугодие 2024 года");
    expect(phrasesIn(words, englishPhrases(["report", "figures"]))).toEqual([]);
    // Only the words differ: every figure is the same.
    expect(model.periodRows.map((row) => row.requests)).toEqual(inEnglish.periodRows.map((row) => row.requests));
    expect(model.periodRows.map((row) => row.label)).not.toEqual(inEnglish.periodRows.map((row) => row.label));
  });
});
