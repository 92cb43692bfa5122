import type { z } from "zod";
import type { FieldShape, FieldSpec } from "./record-spec.ts";

/** A field that failed its schema or a rule, with the path inside the field (list index, key). */
export interface FieldIssue {
  field: string;
  path: PropertyKey[];
  expected: string;
  /** The offending value when the schema saw a single item of the field, else undefined. */
  input: unknown;
  /** True when a cross-field rule, not the field's own schema, found the issue. */
  fromRule: boolean;
}

/** The typed values of the valid fields and the issues of the others. */
export interface FieldCheck<Out> {
  values: Out;
  issues: FieldIssue[];
}

/**
 * The valid values already parsed, per field schema and raw text, for checking many records with the
 * same spec (a CSV file). A column of repeated words (outcomes, countries, blanks) is then parsed by
 * zod once per distinct word. Only successes are kept, so every problem is still found and worded by
 * the schema itself. Field schemas must be pure (the same text always gives the same value), as they are.
 */
export type FieldMemo = Map<FieldShape, FieldTexts[]>;

/** The texts one field schema accepted, and how often a text was found again (to give up on columns of unique texts). */
interface FieldTexts {
  values: Map<string, unknown>;
  lookups: number;
  hits: number;
}

/** A memo for one run of `checkFields` over many records. */
export function createFieldMemo(): FieldMemo {
  return new Map();
}

/** Stands for `undefined` (a blank optional field) in a memo, so one lookup tells a hit from a miss. */
const BLANK = Symbol("blank");

/** Distinct texts remembered per field: enough for any column of words, dates or countries. */
const MEMO_LIMIT = 20_000;

/** The memo's texts for each field of `shape`, in the shape's order. */
function memoFor(memo: FieldMemo, shape: FieldShape, fields: number): FieldTexts[] {
  let texts = memo.get(shape);
  if (!texts)
    memo.set(shape, (texts = Array.from({ length: fields }, () => ({ values: new Map(), lookups: 0, hits: 0 }))));
  return texts;
}

/** Whether a field's texts are still worth looking up: not once the memo is full and they rarely repeat (ids, notes). */
const worthLookingUp = (texts: FieldTexts): boolean =>
  texts.values.size < MEMO_LIMIT || texts.hits * 4 >= texts.lookups;

/** A copy of a parsed value (text, number, list, date object), so records never share a list or an object. */
function copyValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyValue);
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = copyValue((value as Record<string, unknown>)[key]);
  return copy;
}

const entriesBySpec = new WeakMap<FieldShape, [string, z.ZodType][]>();
const shapeEntries = (shape: FieldShape): [string, z.ZodType][] => {
  let entries = entriesBySpec.get(shape);
  if (!entries) entriesBySpec.set(shape, (entries = Object.entries(shape)));
  return entries;
};

/**
 * Checks each field of a record on its own (so every bad field is reported, not only the first),
 * then each cross-field rule whose fields were all valid. `valueOf` gives a field's raw value.
 * With a `memo`, a text a field's schema has accepted before is not parsed again.
 */
export function checkFields<Shape extends FieldShape>(
  spec: FieldSpec<Shape>,
  valueOf: (field: string) => unknown,
  memo?: FieldMemo,
): FieldCheck<z.output<z.ZodObject<Shape>>> {
  type Out = z.output<z.ZodObject<Shape>>;
  const values: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  // Made on the first bad field only: most records have none.
  let invalid: Set<string> | undefined;
  const entries = shapeEntries(spec.shape);
  const memoTexts = memo && memoFor(memo, spec.shape, entries.length);
  for (let index = 0; index < entries.length; index++) {
    const [field, schema] = entries[index] as [string, z.ZodType];
    const raw = valueOf(field);
    const texts = memoTexts && typeof raw === "string" ? memoTexts[index] : undefined;
    if (texts && worthLookingUp(texts)) {
      texts.lookups++;
      const remembered = texts.values.get(raw as string);
      if (remembered !== undefined) {
        texts.hits++;
        if (remembered !== BLANK) values[field] = copyValue(remembered);
        continue;
      }
    }
    const result = schema.safeParse(raw, { reportInput: true });
    if (result.success) {
      if (result.data !== undefined) values[field] = result.data;
      if (texts && texts.values.size < MEMO_LIMIT)
        texts.values.set(raw as string, result.data === undefined ? BLANK : copyValue(result.data));
      continue;
    }
    (invalid ??= new Set()).add(field);
    for (const issue of result.error.issues) {
      const input = issue.path.length > 0 ? issue.input : undefined;
      issues.push({ field, path: issue.path, expected: issue.message, input, fromRule: false });
    }
  }
  for (const rule of spec.rules) {
    if (invalid && rule.fields.some((field) => invalid?.has(field))) continue;
    const violation = rule.check(values as Out);
    if (!violation) continue;
    (invalid ??= new Set()).add(violation.field);
    issues.push({ field: violation.field, path: [], expected: violation.expected, input: undefined, fromRule: true });
  }
  return { values: values as Out, issues };
}
