import { describe, expect, it } from "vitest";
import { parsePartialDate, type PartialDate } from "../../src/contract/fields/partial-date.ts";
import { formatPartialDate } from "../../src/format/format-date.ts";
import { englishTranslator } from "../../src/i18n/english.ts";
import { shippedTranslator } from "../helpers/shipped-translator.ts";

/** A date as the ledger's CSV writes it. */
function date(text: string): PartialDate {
  const parsed = parsePartialDate(text);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
}

describe("formatPartialDate", () => {
  it("names a half-year in English with English words, lowered to sit inside a sentence", () => {
    expect(formatPartialDate(date("2021-H1"), englishTranslator("en-GB"))).toBe("first half of 2021");
    expect(formatPartialDate(date("2021-H2"), englishTranslator("en-US"))).toBe("second half of 2021");
  });

  it.each([
    ["ru", "2021-H1", "первое полугодие 2021 года"],
    ["ru", "2021-H2", "второе полугодие 2021 года"],
    ["fr", "2021-H1", "premier semestre 2021"],
    ["de", "2021-H2", "zweites Halbjahr 2021"],
    ["nl", "2021-H1", "eerste helft van 2021"],
  ])("names a half-year in %s with its words: %s", (tag, text, expected) => {
    expect(formatPartialDate(date(text), shippedTranslator(tag))).toBe(expected);
  });

  it("words a day and a month in the words' language", () => {
    expect(formatPartialDate(date("2019-06-14"), shippedTranslator("ru"))).toBe("14 июня 2019 г.");
    expect(formatPartialDate(date("2019-06"), shippedTranslator("de"))).toBe("Juni 2019");
  });

  it("words one date apart in each language it is asked for, though it remembers each text", () => {
    const half = date("2020-H2");
    expect(formatPartialDate(half, shippedTranslator("ru"))).toBe("второе полугодие 2020 года");
    expect(formatPartialDate(half, englishTranslator("en-GB"))).toBe("second half of 2020");
    expect(formatPartialDate(half, shippedTranslator("ru"))).toBe("второе полугодие 2020 года");
  });
});
