import { z } from "zod";
import { calendarDay, flag, idList, link, publicationDate, words } from "../fields/frontmatter-fields.ts";
import { TEXT_LIMITS } from "../fields/csv-fields.ts";
import { defineFieldSpec } from "./record-spec.ts";

const notBefore = (a: string, b: string): boolean =>
  new Date(a.length === 10 ? `${a}T23:59:59Z` : a) >= new Date(b.length === 10 ? `${b}T00:00:00Z` : b);

/** Frontmatter of a blog post, `content/blog/<slug>.mdx`. */
export const postSpec = defineFieldSpec({
  shape: {
    title: words(TEXT_LIMITS.title),
    description: words(200),
    date: publicationDate(),
    updated: publicationDate().optional(),
    authors: idList(1),
    tags: z.array(words(), { error: "a list of tags, like [censorship, russia]" }).default([]),
    draft: flag().default(false),
    image: words().optional(),
    imageAlt: words().optional(),
    related: idList().default([]),
  },
  rules: [
    {
      fields: ["image", "imageAlt"],
      check: (p) =>
        p.image !== undefined && p.imageAlt === undefined
          ? { field: "imageAlt", expected: "a text describing the image, because image is set" }
          : undefined,
    },
    {
      fields: ["date", "updated"],
      check: (p) =>
        p.updated !== undefined && !notBefore(p.updated, p.date)
          ? { field: "updated", expected: `a date not before date (${p.date})` }
          : undefined,
    },
  ],
});

/** Frontmatter of an author, `content/authors/<id>.mdx`. */
export const authorSpec = defineFieldSpec({
  shape: {
    name: words(),
    role: words().optional(),
    bio: words(280, { multiline: true }),
    links: z.array(link(), { error: "a list of links" }).default([]),
  },
  rules: [],
});

/** Frontmatter of a page, `content/pages/<slug>.mdx`. */
export const pageSpec = defineFieldSpec({
  shape: {
    title: words(TEXT_LIMITS.title),
    description: words(200),
    updated: publicationDate().optional(),
  },
  rules: [],
});

/** Frontmatter of a record write-up, `content/records/<id>.mdx`. */
export const writeupSpec = defineFieldSpec({
  shape: {
    title: words(TEXT_LIMITS.title).optional(),
    updated: publicationDate().optional(),
  },
  rules: [],
});

/** Frontmatter of the warrant canary, `content/canary.md`; its body is the statement. */
export const canarySpec = defineFieldSpec({
  shape: {
    issued: calendarDay(),
    expires: calendarDay(),
    signer: words().optional(),
    /** File name of a detached signature next to canary.md, e.g. `canary.md.asc`. */
    signature: z
      .string()
      .regex(/^[\w.-]+$/, { error: 'a file name next to canary.md, like "canary.md.asc"' })
      .optional(),
    /** File name of the signer's public key next to canary.md, e.g. `canary-key.asc`. */
    key: z
      .string()
      .regex(/^[\w.-]+$/, { error: 'a file name next to canary.md, like "canary-key.asc"' })
      .optional(),
  },
  rules: [
    {
      fields: ["issued", "expires"],
      check: (c) =>
        c.expires <= c.issued ? { field: "expires", expected: `a date after issued (${c.issued})` } : undefined,
    },
  ],
});

/** Zod schema of post frontmatter. */
export const PostSchema = z.object(postSpec.shape);
/** A blog post's frontmatter. */
export type Post = z.output<typeof PostSchema>;
/** Zod schema of author frontmatter. */
export const AuthorSchema = z.object(authorSpec.shape);
/** An author's frontmatter. */
export type Author = z.output<typeof AuthorSchema>;
/** Zod schema of page frontmatter. */
export const PageSchema = z.object(pageSpec.shape);
/** A page's frontmatter. */
export type Page = z.output<typeof PageSchema>;
/** Zod schema of record write-up frontmatter. */
export const WriteupSchema = z.object(writeupSpec.shape);
/** A record write-up's frontmatter. */
export type Writeup = z.output<typeof WriteupSchema>;
/** Zod schema of the canary's frontmatter. */
export const CanarySchema = z.object(canarySpec.shape);
/** The warrant canary's frontmatter. */
export type Canary = z.output<typeof CanarySchema>;
