import { z } from "zod";
import { publicationDate, words } from "../fields/frontmatter-fields.ts";
import { pageSpec, postSpec, writeupSpec } from "./content.ts";
import { defineFieldSpec, type FieldShape, type FieldSpec } from "./record-spec.ts";

/**
 * The frontmatter key of a translation that says which version of its original it follows: the original's
 * `updated` (or, for a post that has none, its `date`) when the translation was written or last brought up to date.
 */
export const SOURCE_UPDATED = "sourceUpdated";

/**
 * The frontmatter key of a post's translation that names the original's tags in the translation's language: a map
 * from each tag, as the original writes it or as its slug, to its label (`roskomnadzor: Роскомнадзор`). The tags
 * themselves (their slugs, so their pages) stay the original's in every language.
 */
export const TAG_LABELS = "tags";

/** Which frontmatter keys of each kind a translation may set: its words. Everything else is its original's. */
export const TRANSLATED_KEYS = {
  posts: ["title", "description", "imageAlt"],
  pages: ["title", "description"],
  writeups: ["title"],
} as const;

/** A translation's own frontmatter: the original's words it sets (each optional) and `sourceUpdated`. */
function translationSpec<Shape extends FieldShape, Key extends keyof Shape & string>(
  spec: FieldSpec<Shape>,
  keys: readonly Key[],
) {
  const shape = Object.fromEntries([
    ...keys.map((key) => [key, spec.shape[key]?.optional()] as const),
    [SOURCE_UPDATED, publicationDate().optional()],
  ]) as { [K in Key]: z.ZodOptional<Shape[K]> } & { sourceUpdated: z.ZodOptional<ReturnType<typeof publicationDate>> };
  return defineFieldSpec({ shape, rules: [] });
}

/**
 * Frontmatter of a post's translation, `content/blog/<slug>.<tag>.mdx`: its words and, under `tags`, its
 * original's tags in its language (whether each key is one of the original's tags is checked with the original).
 */
export const postTranslationSpec = defineFieldSpec({
  shape: {
    ...translationSpec(postSpec, TRANSLATED_KEYS.posts).shape,
    [TAG_LABELS]: z
      .record(z.string(), words(), {
        error: "a map from each of the original's tags to its label in this language, like roskomnadzor: Роскомнадзор",
      })
      .optional(),
  },
  rules: [],
});
/** Frontmatter of a page's translation, `content/pages/<id>.<tag>.mdx`. */
export const pageTranslationSpec = translationSpec(pageSpec, TRANSLATED_KEYS.pages);
/** Frontmatter of a write-up's translation, `content/records/<id>.<tag>.mdx`. */
export const writeupTranslationSpec = translationSpec(writeupSpec, TRANSLATED_KEYS.writeups);

/** What a content entry that is a translation knows of it. */
export interface ContentTranslation {
  /** The id of its original (the file name without language and extension). */
  of: string;
  /** Its language, as the site config spells the tag (`ru`, `pt-BR`). */
  language: string;
  /** Whether its original was updated after the version it follows (`sourceUpdated`). */
  outdated: boolean;
  /** A post's translation: its labels of the original's tags in its language, by the tag's slug (`roskomnadzor`). */
  tags?: Readonly<Record<string, string>> | undefined;
}
