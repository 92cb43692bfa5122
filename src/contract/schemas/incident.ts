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
import { describedField } from "../fields/field-descriptions.ts";
import { defineRecordSpec } from "./record-spec.ts";
import { INCIDENT_CATEGORIES, SEVERITIES } from "./vocabulary.ts";

/** Columns of `data/incidents.csv`: abuse cases, security events, outages, account actions. */
export const incidentSpec = defineRecordSpec({
  kind: "incident",
  file: "data/incidents.csv",
  translatable: ["title", "actions", "summary"],
  shape: {
    id: describedField(
      id(),
      "The record's id, unique across requests, blocking events and incidents; the last part of the incident's page address.",
    ),
    title: describedField(line(TEXT_LIMITS.title), "Short headline of the incident."),
    category: describedField(oneOf(INCIDENT_CATEGORIES), "What kind of incident it is."),
    severity: describedField(oneOf(SEVERITIES), "How serious the incident is."),
    started: describedField(partialDate(true), "When the incident started: a date, or a date-time with its offset."),
    resolved: describedField(
      optional(partialDate(true)),
      "When the incident was resolved: a date, or a date-time with its offset.",
      "The incident is still open.",
    ),
    accounts_affected: describedField(
      optional(wholeNumber(0, MAX_ACCOUNTS)),
      "Number of accounts the incident affected.",
      "Not known or not applicable (never the same as 0).",
    ),
    actions: describedField(optional(text()), "What the organisation did about it."),
    related: describedField(
      listOf(id()),
      "Ids of other records (requests, blocking events or incidents) this one is connected with, separated by ; in the CSV.",
      "None.",
    ),
    summary: describedField(text(), "One to three sentences on the incident, as the site shows it."),
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
