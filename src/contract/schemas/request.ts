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
import { describedField } from "../fields/field-descriptions.ts";
import { defineRecordSpec } from "./record-spec.ts";
import { AUTHORITY_TYPES, DATA_KINDS, LEGAL_PROCESSES, OUTCOMES, REJECTION_REASONS, ROUTES } from "./vocabulary.ts";

const DISCLOSING_OUTCOMES: readonly string[] = ["disclosed", "partially_disclosed"];

/** Columns of `data/requests.csv`: one row per request, or per group of identical requests. */
export const requestSpec = defineRecordSpec({
  kind: "request",
  file: "data/requests.csv",
  pastDates: ["received", "responded"],
  translatable: ["authority", "notes"],
  shape: {
    id: describedField(
      id(),
      "The record's id, unique across requests, blocking events and incidents; the last part of the record's page address.",
    ),
    received: describedField(
      partialDate(),
      "When the request reached the organisation, never more precise than it may be published (a month, half-year or year stands for some day in it). For a group of identical requests, the first one's date or a period covering all of them.",
    ),
    country: describedField(
      countryCode(),
      'ISO 3166-1 alpha-2 code of the country of the requesting authority (not of the user); ZZ for requests published as "Other countries" under small-count protection.',
    ),
    service: describedField(
      optional(id()),
      "Id of the service the request concerns, one of the site's services.",
      "Not said: the request may concern any service, or several.",
    ),
    authority: describedField(optional(line()), "Name of the authority that sent the request."),
    authority_type: describedField(
      optional(oneOf(AUTHORITY_TYPES)),
      "What kind of authority sent the request (an investigating judge is court).",
    ),
    route: describedField(
      optional(oneOf(ROUTES)),
      "How the request reached the organisation: from a domestic authority, through mutual legal assistance (mlat), or directly from a foreign authority.",
    ),
    legal_process: describedField(
      optional(oneOf(LEGAL_PROCESSES)),
      "The kind of legal instrument the request was made under.",
    ),
    legal_basis: describedField(optional(line()), "The law or article the request cited, as written."),
    data_requested: describedField(
      listOf(oneOf(DATA_KINDS), 1, `at least one of ${DATA_KINDS.join(", ")}`),
      "The kinds of data asked for, one or more, separated by ; in the CSV.",
    ),
    accounts: describedField(
      optional(wholeNumber(0, MAX_ACCOUNTS)),
      "Number of accounts the request named (for a group, the total over the group); 0 when it named no particular account.",
    ),
    count: describedField(
      optional(wholeNumber(1, MAX_COUNT))
        .transform((count) => count ?? 1)
        .pipe(z.number().int().min(1)),
      "Number of identical requests the row stands for (same authority, case, legal basis and outcome); 1 for a single request. Always filled in in the downloads.",
      "One request (in data/requests.csv only: the downloads always fill it in).",
    ),
    outcome: describedField(oneOf(OUTCOMES), "What came of the request."),
    data_disclosed: describedField(
      listOf(oneOf(DATA_KINDS)),
      "The kinds of data handed over, separated by ; in the CSV; filled in exactly when outcome is disclosed or partially_disclosed.",
      "Nothing was disclosed.",
    ),
    rejection_reason: describedField(
      optional(oneOf(REJECTION_REASONS)),
      "Why the organisation refused the request; filled in exactly when outcome is rejected.",
      "The request was not rejected.",
    ),
    contested: describedField(optional(yesNo()), "Whether the organisation formally challenged the request."),
    gag_order: describedField(
      optional(yesNo()),
      "Whether the request came with a duty to keep it secret from the user.",
    ),
    user_notified: describedField(optional(yesNo()), "Whether the organisation has told the user."),
    responded: describedField(
      optional(partialDate()),
      "When the organisation gave its final answer.",
      "No final answer yet, or its date is not known.",
    ),
    related: describedField(
      listOf(id()),
      "Ids of other records (requests, blocking events or incidents) this one is connected with, separated by ; in the CSV.",
      "None.",
    ),
    notes: describedField(optional(text()), "Free text the record's page shows.", "No notes."),
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
