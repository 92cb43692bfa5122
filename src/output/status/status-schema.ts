import { z } from "zod";

/** Site-relative path of the site's state for machines. */
export const STATUS_JSON_PATH = "status.json";
/** Site-relative path of its JSON Schema. */
export const STATUS_SCHEMA_PATH = "status.schema.json";

const link = (what: string) => z.url().describe(`Absolute address of ${what}.`);
const day = (what: string) => z.iso.date().describe(`${what}, YYYY-MM-DD.`);
const asWritten = (what: string) =>
  z
    .string()
    .describe(
      `${what} as published, never more precise than written: YYYY-MM-DD, YYYY-MM, YYYY-H1, YYYY or a date-time.`,
    );

/** A block in force at the build time. */
const BlockInForceSchema = z
  .object({
    id: z.string().describe("The blocking event's id (data/blocking-events.csv)."),
    title: z.string().describe("Its title."),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe("Where it is in force: ISO 3166-1 alpha-2."),
    countryName: z.string().describe("The country's name in the site's language."),
    services: z.array(z.string()).describe("Ids of the site's services with a target it blocks (may be empty)."),
    targets: z.array(z.string()).describe("What it blocks: smtp, imap, webmail, vpn…"),
    status: z.enum(["ongoing", "partial"]).describe("ongoing, or partial with no end date."),
    since: asWritten("When it started,"),
    days: z
      .object({
        atLeast: z.number().int().min(0).describe("Fewest whole days it may have lasted so far."),
        atMost: z.number().int().min(0).describe("Most whole days it may have lasted so far."),
      })
      .nullable()
      .describe(
        "How long it has lasted at the build time, as a range when its start is coarser than a day; null when unknown.",
      ),
    lastVerified: asWritten("When it was last checked to be still in force,").nullable(),
    link: link("its page"),
  })
  .describe("A block of the service in force at the build time.");

/** An incident open at the build time. */
const OpenIncidentSchema = z
  .object({
    id: z.string().describe("The incident's id (data/incidents.csv)."),
    title: z.string().describe("Its title."),
    since: asWritten("When it started,"),
    link: link("its page"),
  })
  .describe("An incident not resolved at the build time.");

/** `/status.json`: what is true of the site's records at the build time, for monitors and aggregators. */
export const StatusSchema = z
  .object({
    $schema: link("this document's JSON Schema"),
    generated: z.iso.datetime().describe("The build time (UTC) every state below is as of."),
    site: link("the site"),
    blocking: z
      .object({
        inForce: z.array(BlockInForceSchema).describe("The blocks in force, newest first; empty when none is."),
      })
      .optional()
      .describe("The blocking log; absent when the site does not publish one."),
    incidents: z
      .object({ open: z.array(OpenIncidentSchema).describe("The open incidents, newest first; empty when none is.") })
      .optional()
      .describe("The incident log; absent when the site does not publish one."),
    canary: z
      .object({
        status: z
          .enum(["current", "expiring", "expired"])
          .describe("current; expiring (fewer than 14 days left); expired."),
        issued: day("The day it was issued"),
        expires: day("The last day it is valid"),
        link: link("its page, with the statement, its signature and how to check it"),
      })
      .optional()
      .describe("The warrant canary, verified at the build; absent when the site publishes none."),
    report: z
      .object({
        latestCompletePeriod: z
          .object({
            key: z.string().describe("The period's key: 2026-h1, 2026…"),
            label: z.string().describe("The period in words."),
            start: day("Its first day"),
            end: day("Its last day"),
            link: link("its page"),
          })
          .nullable()
          .describe(
            "The latest period of the ledger that has ended and whose requests are mostly decided; null when none.",
          ),
        nextDue: day("The day the next report is due (report.nextDue)")
          .nullable()
          .describe(
            "The day the next report is due (the site config's report.nextDue); null when the site names none.",
          ),
        overdue: z
          .boolean()
          .nullable()
          .describe("Whether that day has passed (in the site's time zone) at the build time; null without a due day."),
        link: link("the report"),
      })
      .optional()
      .describe("The transparency report; absent when the site does not publish requests."),
    release: z
      .object({
        version: z.string().describe("The release's version, e.g. 2025.2."),
        date: day("The day it was made"),
        link: link("its folder of files"),
      })
      .nullable()
      .describe("The current dataset release; null when there is none yet."),
  })
  .describe(
    "What is true of the site's records at the build time: blocks in force, open incidents, the canary, the report and the current release.",
  );

/** The document `/status.json` holds. */
export type Status = z.output<typeof StatusSchema>;

/** The JSON Schema of `/status.json` (draft 2020-12), published at `id`. */
export function statusJsonSchema(id: string): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(StatusSchema, { io: "output" });
  return { $schema, $id: id, title: "Site status", ...schema };
}
