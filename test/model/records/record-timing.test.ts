import { describe, expect, it } from "vitest";
import { parsePartialDate, type PartialDate } from "../../../src/contract/fields/partial-date.ts";
import {
  blockingDuration,
  describeDuration,
  describeResolution,
  durationBetween,
  incidentDuration,
  isInForce,
  needsReverification,
} from "../../../src/model/records/record-timing.ts";
import { englishTranslator } from "../../../src/i18n/english.ts";
import { shippedTranslator } from "../../helpers/shipped-translator.ts";

const now = new Date("2026-11-28T12:00:00Z");
const d = (text: string): PartialDate => parsePartialDate(text, true) as PartialDate;

describe("durations with a fixed now", () => {
  it("counts whole days between exact dates, and to now while running", () => {
    expect(durationBetween(d("2019-02-05"), d("2019-06-18"), now)).toEqual({
      minDays: 133,
      maxDays: 133,
      running: false,
    });
    expect(durationBetween(d("2020-03-04"), undefined, now)).toEqual({ minDays: 2460, maxDays: 2460, running: true });
  });

  it("gives a range when a date is coarser than a day", () => {
    expect(durationBetween(d("2020-03"), undefined, now)).toEqual({ minDays: 2433, maxDays: 2463, running: true });
    expect(durationBetween(d("2019"), d("2019-12-31"), now)).toEqual({ minDays: 0, maxDays: 364, running: false });
  });

  it("uses instants when both ends are date-times", () => {
    expect(
      incidentDuration({ started: d("2021-11-08T06:40:00+01:00"), resolved: d("2021-11-10T13:05:00+01:00") }, now),
    ).toEqual({ minDays: 2, maxDays: 2, running: false });
  });

  it.each([
    [{ minDays: 2460, maxDays: 2460, running: true }, "for 2,460 days and counting"],
    [{ minDays: 2433, maxDays: 2463, running: true }, "for at least 2,433 days and counting"],
    [{ minDays: 133, maxDays: 133, running: false }, "for 133 days"],
    [{ minDays: 1, maxDays: 1, running: false }, "for 1 day"],
    [{ minDays: 12, maxDays: 40, running: false }, "for 12 to 40 days"],
    [{ minDays: 0, maxDays: 0, running: false }, "less than a day"],
    [{ minDays: 0, maxDays: 0, running: true }, "since today"],
  ])("%o reads %s", (duration, words) => {
    expect(describeDuration(duration, englishTranslator())).toBe(words);
  });

  it.each([
    [{ minDays: 112, maxDays: 112, running: false }, "resolved after 112 days"],
    [{ minDays: 1, maxDays: 1, running: false }, "resolved after 1 day"],
    [{ minDays: 3, maxDays: 5, running: false }, "resolved after 3 to 5 days"],
    [{ minDays: 0, maxDays: 0, running: false }, "resolved within a day"],
    [{ minDays: 67, maxDays: 67, running: true }, "for 67 days and counting"],
  ])("an incident's %o reads %s", (duration, words) => {
    expect(describeResolution(duration, englishTranslator())).toBe(words);
  });
});

describe("durations in Russian, French and German", () => {
  const russian = shippedTranslator("ru");
  // Numbers as Russian writes them (CLDR: thousands grouped with a no-break space).
  const ru = (n: number) => new Intl.NumberFormat("ru").format(n);
  it.each([
    [{ minDays: 112, maxDays: 112, running: false }, "устранён через 112 дней"],
    [{ minDays: 1, maxDays: 1, running: false }, "устранён через 1 день"],
    [{ minDays: 22, maxDays: 22, running: false }, "устранён через 22 дня"],
    [{ minDays: 21, maxDays: 21, running: false }, "устранён через 21 день"],
    [{ minDays: 3, maxDays: 5, running: false }, "устранён через 3–5 дней"],
    [{ minDays: 0, maxDays: 0, running: false }, "устранён в течение суток"],
  ])("an incident's %o reads %s in Russian", (duration, words) => {
    expect(describeResolution(duration, russian)).toBe(words);
  });

  it.each([
    [{ minDays: 2460, maxDays: 2460, running: true }, `уже ${ru(2460)} дней`],
    [{ minDays: 2433, maxDays: 2463, running: true }, `уже не менее ${ru(2433)} дней`],
    [{ minDays: 2, maxDays: 2, running: false }, "2 дня"],
    [{ minDays: 12, maxDays: 41, running: false }, "от 12 до 41 дня"],
  ])("%o reads %s in Russian", (duration, words) => {
    expect(describeDuration(duration, russian)).toBe(words);
  });

  it("gives French and German their own plural forms and number formats", () => {
    const running = { minDays: 2460, maxDays: 2460, running: true };
    expect(describeDuration(running, shippedTranslator("fr"))).toBe("soit 2\u202f460 jours à ce jour");
    expect(describeResolution({ minDays: 1, maxDays: 1, running: false }, shippedTranslator("de"))).toBe(
      "nach 1 Tag behoben",
    );
    expect(describeResolution({ minDays: 112, maxDays: 112, running: false }, shippedTranslator("de"))).toBe(
      "nach 112 Tagen behoben",
    );
  });
});

describe("blocking status rules", () => {
  const event = (status: "ongoing" | "lifted" | "partial" | "unknown", ended?: string, lastVerified?: string) => ({
    status,
    started: d("2020-03-04"),
    ...(ended ? { ended: d(ended) } : {}),
    ...(lastVerified ? { last_verified: d(lastVerified) } : {}),
  });

  it("is in force when ongoing, or partial without an end; never when unknown", () => {
    expect(isInForce(event("ongoing"))).toBe(true);
    expect(isInForce(event("partial"))).toBe(true);
    expect(isInForce(event("partial", "2021-01-01"))).toBe(false);
    expect(isInForce(event("unknown"))).toBe(false);
    expect(isInForce(event("lifted", "2020-06-01"))).toBe(false);
  });

  it("has no duration when the status is unknown and there is no end", () => {
    expect(blockingDuration(event("unknown"), now)).toBeUndefined();
    expect(blockingDuration(event("unknown", "2020-04-03"), now)).toEqual({ minDays: 30, maxDays: 30, running: false });
    expect(blockingDuration(event("ongoing"), now)?.running).toBe(true);
  });

  it("asks for re-verification of an event in force not checked for 90 days", () => {
    expect(needsReverification(event("ongoing", undefined, "2026-10-01"), now)).toBe(false);
    expect(needsReverification(event("ongoing", undefined, "2026-08-29"), now)).toBe(true);
    expect(needsReverification(event("ongoing"), now)).toBe(true);
    expect(needsReverification(event("lifted", "2020-06-01", "2020-06-01"), now)).toBe(false);
  });

  // Issue 16: 23:30 UTC on 28 November is 00:30 on 29 November in Brussels, the site's time zone.
  it("counts days to the site's today, not UTC's", () => {
    const late = new Date("2026-11-28T23:30:00Z");
    const open = { started: d("2026-11-28"), resolved: undefined };
    expect(describeDuration(incidentDuration(open, late, "Europe/Brussels"))).toBe("for 1 day and counting");
    expect(describeDuration(incidentDuration(open, late, "UTC"))).toBe("since today");
    const block = { status: "ongoing" as const, started: d("2026-11-27"), ended: undefined };
    expect(blockingDuration(block, late, "Europe/Brussels")?.maxDays).toBe(2);
    expect(blockingDuration(block, late, "UTC")?.maxDays).toBe(1);
    const verified = { status: "ongoing" as const, ended: undefined, last_verified: d("2026-08-30") };
    expect(needsReverification(verified, late, "Europe/Brussels")).toBe(true);
    expect(needsReverification(verified, late, "UTC")).toBe(false);
  });
});
