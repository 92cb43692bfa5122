import { z } from "zod";
import {
  countryCode,
  id,
  line,
  listOf,
  oneOf,
  optional,
  partialDate,
  MAX_ACCOUNTS,
  MAX_COUNT,
  text,
  wholeNumber,
  yesNo,
} from "../fields/csv-fields.ts";
import { isCertainlyBefore } from "../fields/partial-date.ts";
import { defineRecordSpec } from "./record-spec.ts";
import { AUTHORITY_TYPES, DATA_KINDS, LEGAL_PROCESSES, OUTCOMES, REJECTION_REASONS, ROUTES } from "./vocabulary.ts";

const DISCLOSING_OUTCOMES: readonly string[] = ["disclosed", "partially_disclosed"];

/** Columns of `data/requests.csv`: one row per request, or per group of identical requests. */
export const requestSpec = defineRecordSpec({
  kind: "request",
  file: "data/requests.csv",
  pastDates: ["received", "responded"],
  shape: {
    id: id(),
    received: partialDate(),
    country: countryCode(),
    /** The id of one of the site config's `services`, for a provider that keeps a ledger per service; blank: not said. */
    service: optional(id()),
    authority: optional(line()),
    authority_type: optional(oneOf(AUTHORITY_TYPES)),
    route: optional(oneOf(ROUTES)),
    legal_process: optional(oneOf(LEGAL_PROCESSES)),
    legal_basis: optional(line()),
    data_requested: listOf(oneOf(DATA_KINDS), 1, `at least one of ${DATA_KINDS.join(", ")}`),
    accounts: optional(wholeNumber(0, MAX_ACCOUNTS)),
    count: optional(wholeNumber(1, MAX_COUNT))
      .transform((count) => count ?? 1)
      .pipe(z.number().int().min(1)),
    outcome: oneOf(OUTCOMES),
    data_disclosed: listOf(oneOf(DATA_KINDS)),
    rejection_reason: optional(oneOf(REJECTION_REASONS)),
    contested: optional(yesNo()),
    gag_order: optional(yesNo()),
    user_notified: optional(yesNo()),
    responded: optional(partialDate()),
    related: listOf(id()),
    notes: optional(text()),
  },
  rules: [
    {
      fields: ["outcome", "data_disclosed"],
      check: (r) =>
        DISCLOSING_OUTCOMES.includes(r.outcome) && r.data_disclosed.length === 0
          ? {
              field: "data_disclosed",
              expected: `what was disclosed (one or more of ${DATA_KINDS.join(", ")}) because outcome is ${r.outcome}`,
            }
          : undefined,
    },
    {
      fields: ["outcome", "data_disclosed"],
      check: (r) =>
        !DISCLOSING_OUTCOMES.includes(r.outcome) && r.data_disclosed.length > 0
          ? {
              field: "data_disclosed",
              expected: `blank because outcome is ${r.outcome} (only disclosed or partially_disclosed disclose data)`,
            }
          : undefined,
    },
    {
      fields: ["outcome", "rejection_reason"],
      check: (r) =>
        r.outcome === "rejected" && r.rejection_reason === undefined
          ? {
              field: "rejection_reason",
              expected: `a reason (one of ${REJECTION_REASONS.join(", ")}) because outcome is rejected`,
            }
          : undefined,
    },
    {
      fields: ["outcome", "rejection_reason"],
      check: (r) =>
        r.outcome !== "rejected" && r.rejection_reason !== undefined
          ? { field: "rejection_reason", expected: `blank because outcome is ${r.outcome}, not rejected` }
          : undefined,
    },
    {
      fields: ["received", "responded"],
      check: (r) =>
        r.responded && isCertainlyBefore(r.responded, r.received)
          ? { field: "responded", expected: `a date not before received (${r.received.text})` }
          : undefined,
    },
  ],
});

/** Zod schema of a request row: CSV cells in, typed request out. */
export const RequestSchema = z.object(requestSpec.shape);
/** A law-enforcement or government request as published. */
export type Request = z.output<typeof RequestSchema>;
