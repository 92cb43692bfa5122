import { z } from "zod";
import { ID_PATTERN, TEXT_LIMITS } from "./csv-fields.ts";
import { parsePartialDate } from "./partial-date.ts";
import { findRefusedCharacter, refusedCharacterMessage } from "./text-characters.ts";

const ID_EXPECTED = 'an id of lowercase letters, digits and hyphens, like "jane-doe"';

/**
 * A YAML string that must not be blank, of at most `max` characters (300 unless given), without control
 * characters; a one-line text (the default; `multiline` for a bio) also without bidirectional controls.
 */
export function words(max?: number, { multiline = false }: { multiline?: boolean } = {}) {
  const limit = max ?? TEXT_LIMITS.line;
  const tooLong = `some text of at most ${limit} characters`;
  const expected = max === undefined ? "some text" : tooLong;
  const typeError = (issue: { input?: unknown }): string =>
    issue.input === undefined ? expected : `${expected} (put it in quotes if it holds a colon)`;
  // The check runs after z.string(), so its input is the text.
  const bounded = z
    .string({ error: typeError })
    .trim()
    .min(1, { error: expected })
    .max(limit, { error: (issue) => `${tooLong} (this has ${(issue.input as string).length})` });
  return bounded.check((ctx) => {
    const found = findRefusedCharacter(ctx.value, !multiline);
    if (found) ctx.issues.push({ code: "custom", message: refusedCharacterMessage(found), input: ctx.value });
  });
}

/** A YAML list of ids. */
export function idList(minItems = 0) {
  const expected =
    minItems > 0
      ? `a list of at least ${minItems} id${minItems === 1 ? "" : "s"}, like [jane-doe]`
      : "a list of ids, like [req-2024-001]";
  return z
    .array(z.string({ error: ID_EXPECTED }).regex(ID_PATTERN, { error: ID_EXPECTED }), { error: expected })
    .min(minItems, { error: expected });
}

/** Turns a YAML 1.1 timestamp (a Date, as Astro's frontmatter parser gives it) back into text. */
function dateToText(value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  const iso = value.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** A publication date: `YYYY-MM-DD` or a date-time with offset; kept as written. */
export function publicationDate() {
  const expected = 'a date as YYYY-MM-DD (in quotes, like "2024-03-01") or a date-time like 2024-03-01T09:00:00+01:00';
  return z.preprocess(
    dateToText,
    z.string({ error: expected }).refine(
      (text) => {
        const parsed = parsePartialDate(text, true);
        return !("error" in parsed) && (parsed.precision === "day" || parsed.precision === "time");
      },
      {
        error: (issue) => {
          const parsed = typeof issue.input === "string" ? parsePartialDate(issue.input, true) : undefined;
          return parsed && "error" in parsed && !parsed.error.startsWith("a date as") ? parsed.error : expected;
        },
      },
    ),
  );
}

/** A YAML boolean (`true`/`false`). */
export function flag() {
  return z.boolean({ error: "true or false" });
}

/** A link: a label and an http(s) URL. */
export function link() {
  return z.object(
    {
      label: words(),
      url: z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "an http:// or https:// URL" }),
    },
    { error: "a link as { label: …, url: https://… }" },
  );
}

/** A calendar day, `YYYY-MM-DD` (a YAML timestamp from Astro's parser is turned back into one). */
export function calendarDay() {
  const expected = 'a date as YYYY-MM-DD (in quotes, like "2024-03-01")';
  return z.preprocess(
    dateToText,
    z.string({ error: expected }).refine(
      (text) => {
        const parsed = parsePartialDate(text);
        return !("error" in parsed) && parsed.precision === "day";
      },
      {
        error: (issue) => {
          const parsed = typeof issue.input === "string" ? parsePartialDate(issue.input) : undefined;
          return parsed && "error" in parsed && !parsed.error.startsWith("a date as") ? parsed.error : expected;
        },
      },
    ),
  );
}
