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
import { defineRecordSpec } from "./record-spec.ts";
import { BLOCKING_METHODS, BLOCKING_STATUSES, BLOCKING_TARGETS, CONFIDENCE_LEVELS } from "./vocabulary.ts";

/** Columns of `data/blocking-events.csv`: one row per blocking of the service somewhere. */
export const blockingEventSpec = defineRecordSpec({
  kind: "blocking event",
  file: "data/blocking-events.csv",
  shape: {
    id: id(),
    title: line(TEXT_LIMITS.title),
    country: countryCode(),
    started: partialDate(),
    ended: optional(partialDate()),
    status: oneOf(BLOCKING_STATUSES),
    targets: listOf(oneOf(BLOCKING_TARGETS), 1, `at least one of ${BLOCKING_TARGETS.join(", ")}`),
    hosts: listOf(host()),
    networks: listOf(network()),
    method: listOf(oneOf(BLOCKING_METHODS)),
    ordered_by: optional(line()),
    reason: optional(text()),
    confidence: oneOf(CONFIDENCE_LEVELS),
    evidence: listOf(httpUrl()),
    last_verified: optional(partialDate()),
    related: listOf(id()),
    summary: text(),
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
