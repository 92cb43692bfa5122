import { readFile } from "node:fs/promises";
import path from "node:path";
import { bodyCharacterProblems } from "../content/body-characters.ts";
import { decodeUtf8Text } from "../csv/decode-csv.ts";
import { readMdxBody, recordMentions, type BodyOptions } from "../content/read-mdx-body.ts";
import type { FileUsage } from "../content/check-mdx-components.ts";
import { readFrontmatter, type TextPosition } from "../content/read-frontmatter.ts";
import { SOURCE_UPDATED, TAG_LABELS, type ContentTranslation } from "../../contract/schemas/content-translation.ts";
import type { FieldShape, FieldSpec } from "../../contract/schemas/record-spec.ts";
import type { Problem } from "../validation/problem.ts";
import { readTagLabels } from "./tag-labels.ts";

/** A translation's file name: `<id>.<language tag>.mdx` (or `.md`). */
export const TRANSLATION_FILE = /^(?<id>[^.]+)\.(?<tag>[^.]+)\.mdx?$/;

/** How a folder's translations are read: the site's languages and the frontmatter a translation may have. */
export interface TranslationOptions {
  /** The site's main language: its texts are the originals, `<id>.mdx`. */
  main: string;
  /** The site's other languages (the config's `translations`), the only tags a translation may have. */
  languages: readonly string[];
  /** The frontmatter of a translation (content-translation.ts). */
  spec: FieldSpec<FieldShape>;
}

/** An original a translation may be of: its id, file and valid frontmatter (undefined when it has problems). */
export interface OriginalEntry {
  id: string;
  file: string;
  data: Record<string, unknown> | undefined;
}

/** A valid translation: its original's frontmatter with the translation's own words over it. */
export interface TranslatedEntry<T> {
  /** `<original id>.<tag>`: its entry in the content collection. */
  id: string;
  file: string;
  data: T;
  mentions: string[];
  locate: (path: readonly PropertyKey[]) => TextPosition;
  translation: ContentTranslation;
}

/** The translations of one folder, with their problems and warnings (a translation whose original changed since). */
export interface FolderTranslations<T> {
  entries: TranslatedEntry<T>[];
  usages: FileUsage[];
  problems: Problem[];
  warnings: Problem[];
}

/** When an original was last changed, as its frontmatter says: `updated`, else a post's `date`; undefined for neither. */
const versionOf = (data: Record<string, unknown>): string | undefined => {
  const version = data["updated"] ?? data["date"];
  return typeof version === "string" ? version : undefined;
};

/** A publication date or date-time as an instant to compare: a day counts as its start. */
const instant = (date: string): number => new Date(date.length === 10 ? `${date}T00:00:00Z` : date).getTime();

/**
 * Reads the translations among the files `names` of `folder`: each must be in one of the site's other languages and
 * beside its original (`<id>.mdx`), with frontmatter and MDX checked as an original's are. A valid translation of a
 * valid original takes the original's frontmatter with its own words over it; one that follows an older version of
 * its original (`sourceUpdated` before the original's `updated`) is flagged outdated and warned about.
 */
export async function readTranslations<T>(
  root: string,
  folder: string,
  names: readonly string[],
  originals: readonly OriginalEntry[],
  options: TranslationOptions,
  body: BodyOptions,
): Promise<FolderTranslations<T>> {
  const result: FolderTranslations<T> = { entries: [], usages: [], problems: [], warnings: [] };
  const languages = new Map(options.languages.map((tag) => [tag.toLowerCase(), tag]));
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = `${folder}/${name}`;
    const { id = "", tag = "" } = TRANSLATION_FILE.exec(name)?.groups ?? {};
    const at = { file, line: 1, column: 1, field: "file name", found: name };
    const language = languages.get(tag.toLowerCase());
    const listed = options.languages.length > 0 ? options.languages.join(", ") : "none yet";
    if (language === undefined) {
      const main = tag.toLowerCase() === options.main.toLowerCase();
      result.problems.push({
        ...at,
        expected: main
          ? `no language for the site's main language (${options.main}): its text is ${folder}/${id}.mdx`
          : `<name>.<language>.mdx with a language of the site's translations in src/site.config.ts (${listed})`,
      });
      continue;
    }
    const original = originals.find((entry) => entry.id === id);
    if (!original) {
      result.problems.push({
        ...at,
        expected: `a translation beside its original, ${folder}/${id}.mdx, which is not there (a translation is not a new text)`,
      });
      continue;
    }
    const twin = seen.get(`${id}.${language}`);
    if (twin) {
      result.problems.push({
        ...at,
        expected: `one translation of ${original.file} into ${language}: ${twin} is one too`,
      });
      continue;
    }
    seen.set(`${id}.${language}`, file);
    const decoded = decodeUtf8Text(await readFile(path.join(root, file)), file);
    if ("problem" in decoded) {
      result.problems.push(decoded.problem);
      continue;
    }
    const own = readFrontmatter(decoded.text, file, options.spec);
    const mdx = readMdxBody(decoded.text, file, body);
    const bodyProblems = [...bodyCharacterProblems(decoded.text, file), ...mdx.problems];
    result.problems.push(...own.problems, ...bodyProblems);
    result.usages.push(...mdx.usages.map((usage) => ({ file, usage, imported: mdx.imported })));
    // A post's tags are named in the translation's language by a map; the tags themselves stay the original's. Its
    // keys are checked even when a label is not valid, so that every problem shows in one run.
    const labels = own.raw[TAG_LABELS];
    const tagsOfOriginal = original.data?.["tags"];
    const tags =
      labels && typeof labels === "object" && !Array.isArray(labels) && Array.isArray(tagsOfOriginal)
        ? readTagLabels(labels as Record<string, unknown>, tagsOfOriginal as string[], file, original.file, own.locate)
        : undefined;
    result.problems.push(...(tags?.problems ?? []));
    if (own.data === undefined || bodyProblems.length > 0 || original.data === undefined) continue;
    const { [SOURCE_UPDATED]: follows, ...words } = own.data as Record<string, unknown>;
    const current = versionOf(original.data);
    const followed = typeof follows === "string" ? follows : versionOf({ date: original.data["date"] });
    const where = own.locate([SOURCE_UPDATED]);
    if (current !== undefined && followed !== undefined && instant(followed) > instant(current)) {
      result.problems.push({
        file,
        line: where.line,
        column: where.column,
        field: SOURCE_UPDATED,
        expected: `a date its original has had: ${original.file} was last updated ${current}`,
        found: followed,
      });
      continue;
    }
    const outdated = current !== undefined && (followed === undefined || instant(followed) < instant(current));
    if (outdated)
      result.warnings.push({
        file,
        line: where.line,
        column: where.column,
        field: SOURCE_UPDATED,
        expected: `the version of ${original.file} it translates: the original was updated ${current}, after this translation; bring the translation up to date, then set ${SOURCE_UPDATED}: "${current}"`,
        found: typeof follows === "string" ? follows : "",
      });
    if (tags && tags.problems.length > 0) continue;
    // Its words over the original's; its tag labels are not words of the original's (they go with `translation`).
    const defined = Object.fromEntries(
      Object.entries(words).filter(([key, value]) => key !== TAG_LABELS && value !== undefined),
    );
    result.entries.push({
      id: `${id}.${language.toLowerCase()}`,
      file,
      data: { ...original.data, ...defined } as T,
      mentions: recordMentions(mdx.usages),
      locate: own.locate,
      translation: { of: id, language, outdated, ...(tags && { tags: tags.labels }) },
    });
  }
  return result;
}
