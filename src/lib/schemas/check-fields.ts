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
 * Checks each field of a record on its own (so every bad field is reported, not only the first),
 * then each cross-field rule whose fields were all valid. `valueOf` gives a field's raw value.
 */
export function checkFields<Shape extends FieldShape>(
  spec: FieldSpec<Shape>,
  valueOf: (field: string) => unknown,
): FieldCheck<z.output<z.ZodObject<Shape>>> {
  type Out = z.output<z.ZodObject<Shape>>;
  const values: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  const invalid = new Set<string>();
  for (const [field, schema] of Object.entries(spec.shape)) {
    const result = schema.safeParse(valueOf(field), { reportInput: true });
    if (result.success) {
      if (result.data !== undefined) values[field] = result.data;
      continue;
    }
    invalid.add(field);
    for (const issue of result.error.issues) {
      const input = issue.path.length > 0 ? issue.input : undefined;
      issues.push({ field, path: issue.path, expected: issue.message, input, fromRule: false });
    }
  }
  for (const rule of spec.rules) {
    if (rule.fields.some((field) => invalid.has(field))) continue;
    const violation = rule.check(values as Out);
    if (!violation) continue;
    invalid.add(violation.field);
    issues.push({ field: violation.field, path: [], expected: violation.expected, input: undefined, fromRule: true });
  }
  return { values: values as Out, issues };
}
