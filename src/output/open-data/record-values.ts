import type { Network } from "../../contract/fields/csv-fields.ts";
import type { PartialDate } from "../../contract/fields/partial-date.ts";
import type { FieldShape } from "../../contract/schemas/record-spec.ts";

/** A validated record of any kind: every kind has an id, the other fields depend on the kind. */
export interface PublishedRecord {
  readonly id: string;
}

/** The part of a record spec the downloads need: its field schemas, whose key order is the column order. */
export interface ShapeOf {
  readonly shape: FieldShape;
}

/** The contract's field names of a spec, in column order. */
export function fieldNames(spec: ShapeOf): string[] {
  return Object.keys(spec.shape);
}

/** Records sorted by id in code-point order (the same on every machine, whatever its locale); returns a new array. */
export function sortById<T extends PublishedRecord>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A record's fields in the contract's order, leaving out unknown (undefined) values. */
export function contractFields(spec: ShapeOf, record: PublishedRecord): Record<string, unknown> {
  const values = record as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const name of fieldNames(spec)) if (values[name] !== undefined) fields[name] = values[name];
  return fields;
}

const isPartialDate = (value: object): value is PartialDate =>
  "text" in value && "precision" in value && "start" in value;
const isNetwork = (value: object): value is Network =>
  "name" in value && Object.keys(value).every((key) => key === "name" || key === "asn");

/** A network as the contract writes it: `AS<number> <name>`, or the name alone (a bare `AS<number>` stays as it is). */
export function networkText(network: Network): string {
  if (network.asn === undefined || network.name === `AS${network.asn}`) return network.name;
  return `AS${network.asn} ${network.name}`;
}

/**
 * A parsed value written back in the contract's CSV form: a date as written (`2019-H1`), a list joined
 * with `;`, `yes`/`no`, a network as `AS<n> <name>`, unknown as a blank cell. Throws on a value of
 * a type the contract does not have, so a new kind of field cannot be exported half-right.
 */
export function contractCell(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map(contractCell).join(";");
  if (typeof value === "object" && value !== null) {
    if (isPartialDate(value)) return value.text;
    if (isNetwork(value)) return networkText(value);
  }
  throw new TypeError(`No CSV form for the value ${JSON.stringify(value)}`);
}
