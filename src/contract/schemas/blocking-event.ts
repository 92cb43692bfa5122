import { z } from "zod";
import {
  countryCode,
  host,
  httpUrl,
  id,
  line,
  listOf,
  network,
  oneOf,
  optional,
  partialDate,
  text,
  TEXT_LIMITS,
} from "../fields/csv-fields.ts";
import { isCertainlyBefore } from "../fields/partial-date.ts";
import { describedField } from "../fields/field-descriptions.ts";
import { defineRecordSpec } from "./record-spec.ts";
import { BLOCKING_METHODS, BLOCKING_STATUSES, BLOCKING_TARGETS, CONFIDENCE_LEVELS } from "./vocabulary.ts";

/** Columns of `data/blocking-events.csv`: one row per blocking of the service somewhere. */
export const blockingEventSpec = defineRecordSpec({
  kind: "blocking event",
  file: "data/blocking-events.csv",
  translatable: ["title", "ordered_by", "reason", "summary"],
  shape: {
    id: describedField(
      id(),
      "The record's id, unique across requests, blocking events and incidents; the last part of the event's page address.",
    ),
    title: describedField(line(TEXT_LIMITS.title), "Short headline of the blocking."),
    country: describedField(countryCode(), "ISO 3166-1 alpha-2 code of the country where the service is blocked."),
    started: describedField(partialDate(), "First day the block is known to have been in place."),
    ended: describedField(
      optional(partialDate()),
      "Day the block was lifted; filled in when status is lifted.",
      "The block has not ended, or when it ended is not known.",
    ),
    status: describedField(oneOf(BLOCKING_STATUSES), "Whether the block is in force today."),
    targets: describedField(
      listOf(oneOf(BLOCKING_TARGETS), 1, `at least one of ${BLOCKING_TARGETS.join(", ")}`),
      "The parts of the service that are blocked, one or more, separated by ; in the CSV.",
    ),
    hosts: describedField(
      listOf(host()),
      "Host names (or host:port) found blocked, separated by ; in the CSV.",
      "None named.",
    ),
    networks: describedField(
      listOf(network()),
      "Networks that block, each as AS<number> <name> or a name, separated by ; in the CSV.",
      "None named.",
    ),
    method: describedField(
      listOf(oneOf(BLOCKING_METHODS)),
      "How the block works, separated by ; in the CSV.",
      "Not known.",
    ),
    ordered_by: describedField(optional(line()), "Who ordered the block."),
    reason: describedField(optional(text()), "The stated or presumed reason for the block."),
    confidence: describedField(
      oneOf(CONFIDENCE_LEVELS),
      "How sure the organisation is of the block: reported by users or the press, measured, or confirmed (measured and acknowledged).",
    ),
    evidence: describedField(
      listOf(httpUrl()),
      "Addresses of evidence such as OONI measurements, separated by ; in the CSV.",
      "None published.",
    ),
    last_verified: describedField(
      optional(partialDate()),
      "When the organisation last checked the block.",
      "Not checked since it was recorded, or the date is not known.",
    ),
    related: describedField(
      listOf(id()),
      "Ids of other records (requests, blocking events or incidents) this one is connected with, separated by ; in the CSV.",
      "None.",
    ),
    summary: describedField(text(), "One to three sentences on the blocking, as the site shows it."),
  },
  rules: [
    {
      fields: ["started", "ended"],
      check: (e) =>
        e.ended && isCertainlyBefore(e.ended, e.started)
          ? { field: "ended", expected: `a date not before started (${e.started.text})` }
          : undefined,
    },
    {
      fields: ["status", "ended"],
      check: (e) =>
        e.status === "ongoing" && e.ended
          ? {
              field: "ended",
              expected: "blank because status is ongoing (set status to lifted if the block has ended)",
            }
          : undefined,
    },
    {
      fields: ["status", "ended"],
      check: (e) =>
        e.status === "lifted" && !e.ended
          ? { field: "ended", expected: "the date the block was lifted, because status is lifted" }
          : undefined,
    },
    {
      fields: ["started", "last_verified"],
      check: (e) =>
        e.last_verified && isCertainlyBefore(e.last_verified, e.started)
          ? { field: "last_verified", expected: `a date not before started (${e.started.text})` }
          : undefined,
    },
  ],
});

/** Zod schema of a blocking-event row: CSV cells in, typed event out. */
export const BlockingEventSchema = z.object(blockingEventSpec.shape);
/** A blocking of the service in some country, as published. */
export type BlockingEvent = z.output<typeof BlockingEventSchema>;
