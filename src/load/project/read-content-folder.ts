import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { bodyCharacterProblems } from "../content/body-characters.ts";
import { decodeUtf8Text } from "../csv/decode-csv.ts";
import { readMdxBody, recordMentions, type BodyOptions } from "../content/read-mdx-body.ts";
import type { FileUsage } from "../content/check-mdx-components.ts";
import { readFrontmatter, type TextPosition } from "../content/read-frontmatter.ts";
import { ID_MAX_LENGTH, ID_PATTERN } from "../../contract/fields/csv-fields.ts";
import type { FieldShape, FieldSpec } from "../../contract/schemas/record-spec.ts";
import type { Problem } from "../validation/problem.ts";
import type { ContentTranslation } from "../../contract/schemas/content-translation.ts";
import { readTranslations, TRANSLATION_FILE, type TranslationOptions } from "./read-translations.ts";

/** A valid content file: its id (the file name), its frontmatter and a way to locate keys in it. */
export interface ContentEntry<T> {
  id: string;
  file: string;
  data: T;
  /** Ids of the records its body shows with `<Record>` or `<Status>`. */
  mentions: string[];
  locate: (path: readonly PropertyKey[]) => TextPosition;
  /** Set when the entry is a translation (`<id>.<tag>.mdx`): its id is then `<id>.<tag>`. */
  translation?: ContentTranslation;
}

/** Entries and problems of one content folder. */
export interface ContentFolder<T> {
  entries: ContentEntry<T>[];
  /** Components used in the MDX bodies, checked against the data once it is loaded. */
  usages: FileUsage[];
  /** Ids of all files with a valid name, whether or not their frontmatter is valid. */
  ids: { id: string; file: string }[];
  /** Valid translations of valid entries (none for a folder read without `translations`). */
  translations: ContentEntry<T>[];
  problems: Problem[];
  /** Things to look at that do not stop a build: translations whose original changed since. */
  warnings: Problem[];
}

const CONTENT_FILE = /\.mdx?$/;

/**
 * Reads every `.md`/`.mdx` file directly in `folder` (relative to `root`) and checks its frontmatter and MDX syntax;
 * given `translations`, a file named `<id>.<tag>.mdx` is a translation of `<id>.mdx` (read-translations.ts).
 */
export async function readContentFolder<Shape extends FieldShape>(
  root: string,
  folder: string,
  spec: FieldSpec<Shape>,
  options: BodyOptions = {},
  translations?: TranslationOptions,
): Promise<ContentFolder<z.output<z.ZodObject<Shape>>>> {
  type Out = z.output<z.ZodObject<Shape>>;
  const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
  const entries: ContentEntry<Out>[] = [];
  const ids: { id: string; file: string }[] = [];
  const usages: FileUsage[] = [];
  const problems: Problem[] = [];
  const files = names.filter((n) => CONTENT_FILE.test(n)).sort();
  const translated = translations ? files.filter((n) => TRANSLATION_FILE.test(n)) : [];
  /** Every original with a valid name, and its frontmatter when valid, for its translations. */
  const originals: { id: string; file: string; data: Record<string, unknown> | undefined }[] = [];
  for (const name of files.filter((n) => !translated.includes(n))) {
    const file = `${folder}/${name}`;
    const id = name.replace(CONTENT_FILE, "");
    const decoded = decodeUtf8Text(await readFile(path.join(root, file)), file);
    if ("problem" in decoded) {
      // Its id still counts, so that files naming it get no problem of their own.
      problems.push(decoded.problem);
      if (ID_PATTERN.test(id)) ids.push({ id, file });
      continue;
    }
    const source = decoded.text;
    const result = readFrontmatter(source, file, spec);
    const body = readMdxBody(source, file, options);
    // A control character in the text would reach the page and make every feed that quotes it invalid XML.
    const bodyProblems = [...bodyCharacterProblems(source, file), ...body.problems];
    problems.push(...result.problems, ...bodyProblems);
    usages.push(...body.usages.map((usage) => ({ file, usage, imported: body.imported })));
    if (!ID_PATTERN.test(id) || /^\d+$/.test(id) || id.length > ID_MAX_LENGTH) {
      problems.push({
        file,
        line: 1,
        column: 1,
        field: "file name",
        expected: `a name of lowercase letters, digits and hyphens, with at least one letter, at most ${ID_MAX_LENGTH} characters (it becomes the web address)`,
        found: name,
      });
      continue;
    }
    const twin = ids.find((other) => other.id === id);
    if (twin) {
      problems.push({
        file,
        line: 1,
        column: 1,
        field: "file name",
        expected: `a name no other file in ${folder}/ has: ${twin.file} has it too, and only one of them can be the page`,
        found: name,
      });
      continue;
    }
    ids.push({ id, file });
    const valid = result.data !== undefined && bodyProblems.length === 0;
    originals.push({ id, file, data: valid ? result.data : undefined });
    if (result.data !== undefined && valid)
      entries.push({ id, file, data: result.data, mentions: recordMentions(body.usages), locate: result.locate });
  }
  const read = translations
    ? await readTranslations<Out>(root, folder, translated, originals, translations, options)
    : { entries: [], usages: [], problems: [], warnings: [] };
  return {
    entries,
    ids,
    usages: [...usages, ...read.usages],
    translations: read.entries,
    problems: [...problems, ...read.problems],
    warnings: read.warnings,
  };
}
