import { beforeAll, describe, expect, it } from "vitest";
import { englishTranslator } from "../../../src/i18n/english.ts";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { siteModelInput } from "../../../src/model/project-model.ts";
import { buildSiteModel, type SiteModel } from "../../../src/model/site-model.ts";
import { requestCount } from "../../../src/output/charts/chart-text.ts";
import { blockingTimelineGeometry } from "../../../src/output/charts/blocking-timeline.ts";
import { disclosureRateGeometry } from "../../../src/output/charts/disclosure-rate.ts";
import { incidentsOverTimeGeometry } from "../../../src/output/charts/incidents-over-time.ts";
import { requestsByPeriodGeometry } from "../../../src/output/charts/requests-by-period.ts";
import { topCountriesGeometry } from "../../../src/output/charts/top-countries.ts";
import { worldMapGeometry } from "../../../src/output/charts/world-map.ts";
import site from "../../../src/site.config.ts";
import { FIXED_NOW, repoRoot } from "../../helpers/fixture-site.ts";
import { englishPhrases, phrasesIn, shippedTranslator } from "../../helpers/shipped-translator.ts";

const russian = shippedTranslator("ru");

/** Fields of a geometry that name things for the code (ids, keys, paths, colours), never shown as words. */
const CODE_FIELDS = new Set([
  "d",
  "fill",
  "stroke",
  "id",
  "key",
  "classKey",
  "periodKey",
  "code",
  "outcome",
  "part",
  "anchor",
  "state",
  "status",
  "by",
]);

/** Every string a chart's geometry shows (titles, labels, summary, notes, table), whatever its shape. */
function texts(value: unknown): string[] {
  // A class or pattern key ("from-3", "c-pattern-pending") or a colour (`var(--chart-requests)`) is for the code too.
  if (typeof value === "string") return /^[a-z]+(-\w+)+$|^var\(/.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) => (CODE_FIELDS.has(key) ? [] : texts(inner)));
  return [];
}

describe("the report's charts in Russian", () => {
  let model: SiteModel;
  beforeAll(async () => {
    const project = await loadProject(repoRoot, { now: FIXED_NOW, expiredCanary: "warning" });
    model = buildSiteModel({ ...siteModelInput(project, { ...site, language: "ru" }, FIXED_NOW), translator: russian });
  });

  it("says a count of requests with Russian's plural forms", () => {
    expect(requestCount(1, russian)).toBe("1 запрос");
    expect(requestCount(2, russian)).toBe("2 запроса");
    expect(requestCount(5, russian)).toBe("5 запросов");
    expect(requestCount(21, russian)).toBe("21 запрос");
    expect(requestCount(1234, russian)).toBe("1\u00a0234 запроса");
  });

  it("draws the sample's four report charts with no English word of the chart, report or figure dictionary", () => {
    const rows = model.periodRows.filter((r) => r.length !== "longer");
    const threshold = site.report.smallCountThreshold;
    const charts = {
      requestsByPeriod: requestsByPeriodGeometry(rows, "c1", russian),
      disclosureRate: disclosureRateGeometry(rows, russian),
      topCountries: topCountriesGeometry(model.report.allTime.country, threshold, russian),
      worldMap: worldMapGeometry(model.report.allTime.country, threshold, "c2", russian),
    };
    const all = texts(charts).join("\n");
    expect(charts.requestsByPeriod.summary).toMatch(/мы получили \d+ запрос/);
    expect(charts.requestsByPeriod.table.columns[0]).toBe("Период");
    expect(charts.disclosureRate.yTitle.text).toBe("Доля раскрытия");
    expect(phrasesIn(all, englishPhrases(["charts", "report", "figures"]))).toEqual([]);
    // The search finds English where there is some: the same chart in English.
    const english = texts(requestsByPeriodGeometry(rows, "c1", englishTranslator())).join("\n");
    expect(phrasesIn(english, englishPhrases(["charts"]))).toContain("Requests per period, by outcome");
  });

  it("draws the blocking timeline and incidents per year with no English word of the chart dictionary", () => {
    const charts = {
      timeline: blockingTimelineGeometry(model.blockingEvents.all, model.now, "c3", russian, (id) => `/ru/${id}/`),
      incidents: incidentsOverTimeGeometry(model.incidents.all, "c4", russian),
    };
    // The records' own titles are the data's text, not the chart's words.
    const titles = new Set(model.blockingEvents.all.map((e) => e.data.title));
    const all = texts(charts)
      .filter((text) => !titles.has(text))
      .join("\n");
    expect(charts.timeline.table.columns).toEqual(["Событие", "Страна", "Статус", "Начало", "Конец", "Длительность"]);
    expect(charts.timeline.summary).toMatch(/^С \d{4} года мы зафиксировали \d+ блокиров/);
    expect(charts.incidents.summary).toMatch(/мы зафиксировали \d+ инцидент/);
    expect(charts.incidents.panels.map((p) => p.heading.text)).toEqual(["По категориям", "По серьёзности"]);
    expect(phrasesIn(all, englishPhrases(["charts", "report", "figures"]))).toEqual([]);
    // The same charts in English hold the phrases the search looks for.
    const english = texts(
      blockingTimelineGeometry(model.blockingEvents.all, model.now, "c3", englishTranslator()),
    ).join("\n");
    expect(phrasesIn(english, englishPhrases(["charts"]))).toContain("Blocking events, oldest first");
  });
});
