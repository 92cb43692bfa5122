import type { z } from "zod";

/** One zod schema per field (a raw value in, a typed value out). */
export type FieldShape = Record<string, z.ZodType>;

/** A cross-field rule broken by a record: the field to blame and what it should have been. */
export interface RuleViolation {
  field: string;
  expected: string;
}

/** A cross-field rule: the fields it reads (it is skipped when any of them is invalid) and its check. */
export interface RecordRule<Out> {
  fields: readonly (keyof Out & string)[];
  check: (record: Out) => RuleViolation | undefined;
}

/** Field schemas (raw value in, typed value out) plus the rules between fields. */
export interface FieldSpec<Shape extends FieldShape> {
  shape: Shape;
  rules: readonly RecordRule<z.output<z.ZodObject<Shape>>>[];
}

/** Everything needed to read one CSV file into typed records. */
export interface RecordSpec<Shape extends FieldShape> extends FieldSpec<Shape> {
  /** Record kind in plain words, used in counts. */
  kind: string;
  /** Path of the CSV file relative to the project root. */
  file: string;
  /** Date fields of things that have happened (a request received): never after the build time. */
  pastDates?: readonly string[];
  /**
   * Its free-text columns, which may have translations in optional columns `<column>.<tag>` (`title.ru`), one per
   * language of the site's `translations`; none when left out.
   */
  translatable?: readonly (keyof Shape & string)[];
}

/** Defines a CSV record spec, keeping its shape's types. */
export function defineRecordSpec<Shape extends FieldShape>(spec: RecordSpec<Shape>): RecordSpec<Shape> {
  return spec;
}

/** Defines a frontmatter spec, keeping its shape's types. */
export function defineFieldSpec<Shape extends FieldShape>(spec: FieldSpec<Shape>): FieldSpec<Shape> {
  return spec;
}
