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

/**
 * A file name next to `content/canary.md`: letters, digits, `.`, `_` and `-`, not starting with a dot,
 * so `..`, `.git` and any path (a `/`) are refused and the name cannot lead out of `content/`.
 */
const canaryFileName = (example: string) => {
  const expected = `the name of a file next to canary.md, like "${example}" (no folder, not starting with a dot)`;
  return z.string({ error: expected }).regex(/^[\w-][\w.-]*$/, { error: expected });
};

/** Frontmatter of the warrant canary, `content/canary.md`; its body is the statement. */
export const canarySpec = defineFieldSpec({
  shape: {
    issued: calendarDay(),
    expires: calendarDay(),
    signer: words().optional(),
    /** File name of the detached OpenPGP signature of canary.md, next to it, e.g. `canary.md.asc`. */
    signature: canaryFileName("canary.md.asc"),
    /** File name of the signer's public key (ASCII-armoured), next to canary.md, e.g. `canary-key.asc`. */
    key: canaryFileName("canary-key.asc"),
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
/** Zod schema of a canary whose signature was verified: its frontmatter and what the check found. */
export const VerifiedCanarySchema = CanarySchema.extend({
  /** Fingerprint of the key that made the signature: 40 upper-case hex digits (the one pinned in the site config). */
  fingerprint: z.string(),
  /** When the signature was made, as an ISO 8601 timestamp (UTC). */
  signedAt: z.string(),
  /** SHA-256 of canary.md's bytes, the exact file that was signed, as 64 lower-case hex digits. */
  sha256: z.string(),
});
/** A warrant canary whose signature by the pinned key was verified. */
export type VerifiedCanary = z.output<typeof VerifiedCanarySchema>;
