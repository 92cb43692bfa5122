import { defineCollection } from "astro:content";
import { z } from "zod";
import { BlockingEventSchema } from "../contract/schemas/blocking-event.ts";
import {
  AuthorSchema,
  PageSchema,
  PostSchema,
  VerifiedCanarySchema,
  WriteupSchema,
} from "../contract/schemas/content.ts";
import { FigureSchema } from "../contract/schemas/figure.ts";
import { CorrectionSchema } from "../contract/schemas/correction.ts";
import { IncidentSchema } from "../contract/schemas/incident.ts";
import { RequestSchema } from "../contract/schemas/request.ts";
import { reportDueSettings } from "../model/report/report-due.ts";
import { projectLoaders } from "./project-loader.ts";
import site from "./site-config.ts";

/**
 * Content files also carry the records their body shows with <Record> or <Status>; a translation (`<id>.<tag>`)
 * says what it is a translation of.
 */
/** A record's free-text columns in other languages, by language tag and column (`title.ru`). */
const translations = { translations: z.record(z.string(), z.record(z.string(), z.string())).optional() };

const mentions = {
  mentions: z.array(z.string()),
  translation: z
    .object({
      of: z.string(),
      language: z.string(),
      outdated: z.boolean(),
      tags: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
};

/**
 * Vitrine's content collections, for a site's `src/content.config.ts`:
 * `export const collections = vitrineCollections();`. Every collection is filled from one validated read of the
 * site's `data/` and `content/` (see project-loader.ts), with the config the `vitrine()` integration validated;
 * the schemas here only give the collections their types.
 */
export function vitrineCollections() {
  const loaders = projectLoaders({
    expiredCanary: site.report.expiredCanary,
    canary: site.canary,
    allowCode: site.content.allowCode,
    publishes: site.publishes,
    smallCounts: { threshold: site.report.smallCountThreshold, period: site.report.period },
    reportDue: reportDueSettings(site),
  });
  return {
    requests: defineCollection({ loader: loaders.requests, schema: RequestSchema.extend(translations) }),
    figures: defineCollection({ loader: loaders.figures, schema: FigureSchema }),
    blockingEvents: defineCollection({
      loader: loaders.blockingEvents,
      schema: BlockingEventSchema.extend(translations),
    }),
    incidents: defineCollection({ loader: loaders.incidents, schema: IncidentSchema.extend(translations) }),
    corrections: defineCollection({ loader: loaders.corrections, schema: CorrectionSchema }),
    releases: defineCollection({
      loader: loaders.releases,
      schema: z.object({ version: z.string(), date: z.string(), keys: z.array(z.string()) }),
    }),
    posts: defineCollection({ loader: loaders.posts, schema: PostSchema.extend(mentions) }),
    authors: defineCollection({ loader: loaders.authors, schema: AuthorSchema.extend(mentions) }),
    pages: defineCollection({ loader: loaders.pages, schema: PageSchema.extend(mentions) }),
    writeups: defineCollection({ loader: loaders.writeups, schema: WriteupSchema.extend(mentions) }),
    canary: defineCollection({ loader: loaders.canary, schema: VerifiedCanarySchema }),
  };
}
