import { describe, expect, it } from "vitest";
import { formatPartialDate } from "../../../src/format/format-date.ts";
import { englishTranslator } from "../../../src/i18n/english.ts";
import { isCertainlyBefore, parsePartialDate, type PartialDate } from "../../../src/contract/fields/partial-date.ts";

const date = (text: string, allowTime = false): PartialDate => {
  const parsed = parsePartialDate(text, allowTime);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
};

describe("parsePartialDate keeps the precision as written", () => {
  it.each([
    ["2019", "year", "2019-01-01", "2019-12-31"],
    ["2019-H1", "half", "2019-01-01", "2019-06-30"],
    ["2019-H2", "half", "2019-07-01", "2019-12-31"],
    ["2019-02", "month", "2019-02-01", "2019-02-28"],
    ["2020-02", "month", "2020-02-01", "2020-02-29"],
    ["2020-02-29", "day", "2020-02-29", "2020-02-29"],
  ])("%s is a %s from %s to %s", (text, precision, start, end) => {
    expect(parsePartialDate(text)).toEqual({ text, precision, start, end });
  });

  it.each([
    ["2021-02-30", "a real calendar date (February 2021 has 28 days)"],
    ["2021-04-31", "a real calendar date (April 2021 has 30 days)"],
    ["2021-00", "a real month (01 to 12)"],
    ["2021-H3", "a date as YYYY-MM-DD, YYYY-MM, YYYY-H1, YYYY-H2 or YYYY"],
    ["21-01-01", "a date as YYYY-MM-DD, YYYY-MM, YYYY-H1, YYYY-H2 or YYYY"],
    ["2021-03-04T10:00:00+01:00", "a date as YYYY-MM-DD, YYYY-MM, YYYY-H1, YYYY-H2 or YYYY (no time of day here)"],
    // JavaScript reads years 0 to 99 as 1900 to 1999: the year is checked before the calendar.
    ["0000-02-29", "a date from 1900 on (year 0000 is before 1900)"],
    ["0217-03-02", "a date from 1900 on (year 0217 is before 1900)"],
    ["1899-H2", "a date from 1900 on (year 1899 is before 1900)"],
  ])("rejects %s, expecting %s", (text, error) => {
    expect(parsePartialDate(text)).toEqual({ error });
  });

  it("reads a date-time with offset as an instant where allowed, and requires the offset", () => {
    expect(date("2021-03-04T10:15:00+01:00", true)).toMatchObject({
      precision: "time",
      start: "2021-03-04",
      instant: "2021-03-04T09:15:00.000Z",
    });
    expect(date("2021-03-04T10:15Z", true).instant).toBe("2021-03-04T10:15:00.000Z");
    expect(parsePartialDate("2021-03-04T10:15:00", true)).toHaveProperty("error");
  });
});

describe("isCertainlyBefore compares what the dates may stand for", () => {
  it.each([
    ["2024-03-09", "2024-03-10", true],
    ["2024-03-10", "2024-03-10", false],
    ["2024-03", "2024-03-01", false],
    ["2024-02", "2024-03-01", true],
    ["2023-12-31", "2024-H1", true],
    ["2024", "2024-06-01", false],
  ])("%s before %s: %s", (a, b, expected) => {
    expect(isCertainlyBefore(date(a), date(b))).toBe(expected);
  });

  it("compares instants when both are date-times, and whole days otherwise", () => {
    expect(isCertainlyBefore(date("2021-03-04T09:00:00Z", true), date("2021-03-04T10:15:00+01:00", true))).toBe(true);
    expect(isCertainlyBefore(date("2021-03-04", true), date("2021-03-04T10:15:00+01:00", true))).toBe(false);
  });
});

describe("formatPartialDate never shows more precision than the data has", () => {
  it.each([
    ["2019", "2019"],
    ["2019-H1", "first half of 2019"],
    ["2019-H2", "second half of 2019"],
    ["2019-06", "June 2019"],
    ["2019-06-14", "14 June 2019"],
  ])("%s → %s", (text, shown) => {
    expect(formatPartialDate(date(text), englishTranslator("en-GB"))).toBe(shown);
  });

  it("shows a date-time with its own offset", () => {
    expect(formatPartialDate(date("2021-03-04T10:15:00+01:00", true), englishTranslator("en-GB"))).toBe(
      "4 March 2021, 10:15 (UTC+01:00)",
    );
  });
});
