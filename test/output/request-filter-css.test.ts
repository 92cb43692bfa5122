import { describe, expect, it } from "vitest";
import { englishTranslator } from "../../src/i18n/english.ts";
import { countClass, requestFilterCss } from "../../src/output/request-filter-css.ts";
import { shippedTranslator } from "../helpers/shipped-translator.ts";

const NO_MATCH = englishTranslator().t("report.requestTable.noMatch");

describe("requestFilterCss", () => {
  const css = requestFilterCss("all", [{ name: "year", values: ["2024", "2025"] }], [1, 4, 1, 12, 4]);

  it("hides the rows of another value when a value is checked", () => {
    expect(css).toContain(
      '#all:has(input[name="year"][value="2024"]:checked) tbody tr:not([data-year="2024"]) { display: none; }',
    );
  });

  it("counts a row once per request it stands for, one rule per distinct count", () => {
    expect(css).toContain("#all tbody tr { counter-increment: all-requests 1 all-records 1; }");
    expect(css).toContain(`#all tbody tr.${countClass(4)} { counter-increment: all-requests 4 all-records 1; }`);
    expect(css).toContain(`#all tbody tr.${countClass(12)} { counter-increment: all-requests 12 all-records 1; }`);
    expect(css.match(/counter-increment/g)).toHaveLength(3);
  });

  it("says so when nothing matches, through a counter style with a symbol for 0 only", () => {
    expect(css).toContain(`@counter-style all-none { system: fixed 0; symbols: "${NO_MATCH}"; fallback: all-blank; }`);
    expect(css).toContain("counter(all-requests, all-none)");
  });

  it("tallies in English by default, with its counters where the message puts them", () => {
    expect(css).toContain(
      '#all .filter-tally::before { content: "Requests shown: " counter(all-requests) " (records: " counter(all-records) ")."; }',
    );
  });

  it("says the tally and the no-match words in the page's language", () => {
    const russian = requestFilterCss("all", [], [1], shippedTranslator("ru"));
    expect(russian).toContain(
      '#all .filter-tally::before { content: "Показано запросов: " counter(all-requests) " (записей: " counter(all-records) ")."; }',
    );
    expect(russian).toMatch(/symbols: "Ни один запрос не подходит под эти фильтры/);
    expect(russian).not.toContain("Requests shown");
  });
});
