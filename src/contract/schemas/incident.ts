import { z } from "zod";
import {
  id,
  line,
  listOf,
  MAX_ACCOUNTS,
  oneOf,
  optional,
  partialDate,
  text,
  TEXT_LIMITS,
  wholeNumber,
} from "../fields/csv-fields.ts";
import { isCertainlyBefore } from "../fields/partial-date.ts";
import { defineRecordSpec } from "./record-spec.ts";
import { INCIDENT_CATEGORIES, SEVERITIES } from "./vocabulary.ts";

/** Columns of `data/incidents.csv`: abuse cases, security events, outages, account actions. */
export const incidentSpec = defineRecordSpec({
  kind: "incident",
  file: "data/incidents.csv",
  shape: {
    id: id(),
    title: line(TEXT_LIMITS.title),
    category: oneOf(INCIDENT_CATEGORIES),
    severity: oneOf(SEVERITIES),
    started: partialDate(true),
    resolved: optional(partialDate(true)),
    accounts_affected: optional(wholeNumber(0, MAX_ACCOUNTS)),
    actions: optional(text()),
    related: listOf(id()),
    summary: text(),
  },
  rules: [
    {
      fields: ["started", "resolved"],
      check: (i) =>
        i.resolved && isCertainlyBefore(i.resolved, i.started)
          ? { field: "resolved", expected: `a date not before started (${i.started.text})` }
          : undefined,
    },
  ],
});

/** Zod schema of an incident row: CSV cells in, typed incident out. */
export const IncidentSchema = z.object(incidentSpec.shape);
/** An incident (abuse, security, outage, legal, account action), as published. */
export type Incident = z.output<typeof IncidentSchema>;
