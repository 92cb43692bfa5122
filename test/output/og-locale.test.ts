import { describe, expect, it } from "vitest";
import { ogLocale } from "../../src/output/og-locale.ts";

describe("ogLocale", () => {
  it.each([
    ["en-GB", "en_GB"],
    ["en", "en_US"],
    ["ru", "ru_RU"],
    ["fr", "fr_FR"],
    ["fr-BE", "fr_BE"],
    ["nl", "nl_NL"],
    ["de", "de_DE"],
    ["zh-Hant", "zh_TW"],
    ["ar", "ar_EG"],
  ])("writes %s as %s", (tag, expected) => {
    expect(ogLocale(tag)).toBe(expected);
  });
});
