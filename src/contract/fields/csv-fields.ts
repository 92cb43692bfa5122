import countries from "i18n-iso-countries";
import { z } from "zod";
import { fieldDescriptions } from "./field-descriptions.ts";
import { didYouMean } from "../../load/validation/did-you-mean.ts";
import { parsePartialDate, PartialDateSchema, type PartialDate } from "./partial-date.ts";
import { findRefusedCharacter, refusedCharacterMessage } from "./text-characters.ts";

/** A record id: lowercase letters, digits and single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The longest id: an id names a page and its social card, and file names have limits (255 bytes). */
export const ID_MAX_LENGTH = 100;
const ID_EXPECTED = 'an id of lowercase letters, digits and hyphens, like "req-2024-001"';

/** Bounds on text cells, stated in docs/data-format.md. */
export const TEXT_LIMITS = {
  /** A title (blocking events, incidents): one line. */
  title: 200,
  /** Other one-line texts: an authority, a legal basis, who ordered a block. */
  line: 300,
  /** Summaries, notes and other texts that may run over several lines. */
  text: 5000,
} as const;

/** The largest `count` of one row: more identical requests than that in one row is certainly a typo. */
export const MAX_COUNT = 1_000_000;
/** The largest number of accounts in one row. */
export const MAX_ACCOUNTS = 1_000_000_000;

const lengthError = (expected: string) => (issue: { input?: unknown }) =>
  `${expected} (this has ${typeof issue.input === "string" ? [...issue.input].length.toLocaleString("en") : "more"})`;

const isBlank = (value: unknown): boolean => value === undefined || value === null || value === "";

/** Makes a field optional: a blank cell becomes `undefined`. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (isBlank(value) ? undefined : value), schema.optional());
}

/** Free text that must not be blank, of at most `max` characters; it may hold line breaks. */
export function text(max: number = TEXT_LIMITS.text) {
  const expected = `some text of at most ${max.toLocaleString("en")} characters`;
  return z
    .string({ error: "some text" })
    .min(1, { error: "some text" })
    .refine((value) => value.length <= max || [...value].length <= max, { error: lengthError(expected), abort: true });
}

/**
 * One-line text (a title, a name): like `text`, and without bidirectional controls, which could show
 * it in another order than it is written. The joiners Persian needs are allowed.
 */
export function line(max: number = TEXT_LIMITS.line) {
  return text(max).check((ctx) => {
    const found = findRefusedCharacter(ctx.value, true);
    if (found)
      ctx.issues.push({ code: "custom", message: refusedCharacterMessage(found, "of the cell"), input: ctx.value });
  });
}

/** A record id, of at most `ID_MAX_LENGTH` characters. */
export function id() {
  const tooLong = `an id of at most ${ID_MAX_LENGTH} characters`;
  return z
    .string({ error: ID_EXPECTED })
    .max(ID_MAX_LENGTH, { error: lengthError(tooLong), abort: true })
    .regex(ID_PATTERN, { error: ID_EXPECTED });
}

/** One of a fixed set of words; the error suggests the closest word. */
export function oneOf<const T extends readonly [string, ...string[]]>(words: T) {
  return z.enum(words, { error: (issue) => `one of ${words.join(", ")}${didYouMean(issue.input, words)}` });
}

/** A `;`-separated list; `minItems` 1 makes it required. */
export function listOf<T extends z.ZodType<unknown, string>>(item: T, minItems = 0, expected = "at least one item") {
  return z
    .string({ error: expected })
    .transform((cell) =>
      cell
        .split(";")
        .map((part) => part.trim())
        .filter((part) => part !== ""),
    )
    .pipe(z.array(item).min(minItems, { error: expected }));
}

/** `yes` or `no` as a boolean; use with `optional` since blank means unknown. */
export function yesNo() {
  const words = ["yes", "no"] as const;
  return z
    .enum(words, { error: (issue) => `yes, no or blank (blank means unknown)${didYouMean(issue.input, words)}` })
    .transform((word) => word === "yes")
    .pipe(z.boolean());
}

/** A whole number from `min` to `max`, written with digits only. */
export function wholeNumber(min: number, max: number) {
  const expected = `a whole number from ${min} to ${max.toLocaleString("en")}`;
  return z
    .string({ error: expected })
    .regex(/^\d+$/, { error: expected })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: expected }).max(max, { error: expected }));
}

/** A date in one of the published precisions (and a date-time with offset when `allowTime`). */
export function partialDate(allowTime = false) {
  return z
    .string()
    .transform((cell, ctx): PartialDate => {
      const parsed = parsePartialDate(cell, allowTime);
      if ("error" in parsed) {
        ctx.issues.push({ code: "custom", message: parsed.error, input: cell });
        return z.NEVER;
      }
      return parsed;
    })
    .pipe(PartialDateSchema);
}

/** An ISO 3166-1 alpha-2 country code; lower case is accepted and upper-cased. */
export function countryCode() {
  const expected = 'an ISO 3166-1 alpha-2 country code, like "BE" or "RU"';
  return z
    .string({ error: expected })
    .transform((cell) => cell.toUpperCase())
    .pipe(
      z
        .string()
        .regex(/^[A-Z]{2}$/, { error: expected, abort: true })
        .refine((code) => countries.isValid(code), { error: expected }),
    );
}

/** A `%` that does not start an escape of two hex digits: a URL with one cannot be decoded. */
const STRAY_PERCENT = /%(?![0-9A-Fa-f]{2})/;

/** An absolute http:// or https:// URL (never `javascript:` or other schemes) whose every `%` starts an escape. */
export function httpUrl() {
  return z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "an http:// or https:// URL", abort: true })
    .refine((url) => !STRAY_PERCENT.test(url), {
      error: "an http:// or https:// URL in which every % starts an escape like %20 (write a % itself as %25)",
    });
}

const HOST_PATTERN =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/i;

/** A hostname, optionally with `:port`. */
export function host() {
  const expected = 'a hostname or host:port, like "mx1.example.org:25"';
  return z.string({ error: expected }).regex(HOST_PATTERN, { error: expected });
}

/** A network as published: its autonomous system number when known, and its name. */
export const NetworkSchema = z.object({ asn: z.number().int().positive().optional(), name: z.string() });
fieldDescriptions.add(NetworkSchema, {
  id: "Network",
  description: "A network: its autonomous system number when known, and its name.",
});
/** A network: `AS<number> <name>` or just a name. */
export type Network = z.output<typeof NetworkSchema>;

/** A network as `AS<number> <name>` or a plain name. */
export function network() {
  const expected = 'a network as "AS<number> <name>" (like "AS12389 Rostelecom") or a name';
  return z
    .string()
    .transform((cell, ctx): Network => {
      // A network's name is shown on one line, like a title.
      const refused = findRefusedCharacter(cell, true);
      if (refused) {
        ctx.issues.push({ code: "custom", message: refusedCharacterMessage(refused, "of the cell"), input: cell });
        return z.NEVER;
      }
      const as = /^AS(\d+)(?:\s+(.+))?$/i.exec(cell);
      if (as) return { asn: Number(as[1]), name: as[2]?.trim() ?? `AS${as[1]}` };
      if (/^AS\d/i.test(cell)) {
        ctx.issues.push({ code: "custom", message: expected, input: cell });
        return z.NEVER;
      }
      return { name: cell };
    })
    .pipe(NetworkSchema);
}
