import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { CONTENT_FOLDERS } from "./lib/project/load-project.ts";
import { BlockingEventSchema, blockingEventSpec } from "./lib/schemas/blocking-event.ts";
import { AuthorSchema, CanarySchema, PageSchema, PostSchema, WriteupSchema } from "./lib/schemas/content.ts";
import { IncidentSchema, incidentSpec } from "./lib/schemas/incident.ts";
import { RequestSchema, requestSpec } from "./lib/schemas/request.ts";
import { projectRecordsLoader } from "./loaders/project-records-loader.ts";
import site from "./site.config.ts";

const loaderOptions = { expiredCanary: site.report.expiredCanary };
const contentFiles = (base: string) => glob({ pattern: "*.{md,mdx}", base: `./${base}` });

// CSV records are validated by the project loader; the schemas here give the collections their types.
export const collections = {
  requests: defineCollection({
    loader: projectRecordsLoader("requests", requestSpec.file, loaderOptions),
    schema: RequestSchema,
  }),
  blockingEvents: defineCollection({
    loader: projectRecordsLoader("blockingEvents", blockingEventSpec.file, loaderOptions),
    schema: BlockingEventSchema,
  }),
  incidents: defineCollection({
    loader: projectRecordsLoader("incidents", incidentSpec.file, loaderOptions),
    schema: IncidentSchema,
  }),
  posts: defineCollection({ loader: contentFiles(CONTENT_FOLDERS.posts), schema: PostSchema }),
  authors: defineCollection({ loader: contentFiles(CONTENT_FOLDERS.authors), schema: AuthorSchema }),
  pages: defineCollection({ loader: contentFiles(CONTENT_FOLDERS.pages), schema: PageSchema }),
  writeups: defineCollection({ loader: contentFiles(CONTENT_FOLDERS.writeups), schema: WriteupSchema }),
  canary: defineCollection({ loader: glob({ pattern: "canary.md", base: "./content" }), schema: CanarySchema }),
};
