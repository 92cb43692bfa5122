import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isTimeElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  parse,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import { closest } from "fastest-levenshtein";
import { parse as parseJson, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { Problem } from "../load/validation/problem.ts";
import {
  flattenDictionary,
  resolveMessages,
  type DictionaryTree,
  type FlatMessages,
  type ResolvedMessages,
} from "./dictionary.ts";
import { siteLanguages, type Language, type LanguageConfig } from "./languages.ts";

/** Vitrine's dictionaries, `<tag>.json`, found from the package root as the routes are (src/astro/route-files.ts). */
export const SHIPPED_DICTIONARIES = new URL("../../src/i18n/dictionaries/", import.meta.url);

/** The folder of a site's own dictionaries, relative to its root: `i18n/<tag>.json`. */
export const SITE_DICTIONARY_FOLDER = "i18n";

/** The names of the values a message takes (`{organisation}`, `{count, plural, …}`) and of its tags (`<link>`). */
export function messageArguments(elements: readonly MessageFormatElement[]): Set<string> {
  const names = new Set<string>();
  const visit = (list: readonly MessageFormatElement[]): void => {
    for (const element of list) {
      if (isArgumentElement(element)) names.add(element.value);
      else if (isPluralElement(element) || isSelectElement(element)) {
        names.add(element.value);
        for (const option of Object.values(element.options)) visit(option.value);
      } else if (isTagElement(element)) {
        names.add(`<${element.value}>`);
        visit(element.children);
      } else if (isNumberElement(element) || isDateElement(element) || isTimeElement(element)) names.add(element.value);
    }
  };
  visit(elements);
  return names;
}

/** Every `<tag>.json` in `folder` as flat messages, by lower-case tag. */
function readFolder(folder: string): Map<string, { file: string; text: string }> {
  const files = new Map<string, { file: string; text: string }>();
  if (!existsSync(folder)) return files;
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith(".json")) continue;
    files.set(name.slice(0, -".json".length).toLowerCase(), {
      file: path.join(folder, name),
      text: readFileSync(path.join(folder, name), "utf8"),
    });
  }
  return files;
}

/** Vitrine's own dictionaries, by lower-case tag: valid by their tests, read as they are. */
export function readShippedDictionaries(): Map<string, FlatMessages> {
  const shipped = new Map<string, FlatMessages>();
  for (const [tag, { text }] of readFolder(fileURLToPath(SHIPPED_DICTIONARIES)))
    shipped.set(tag, flattenDictionary(JSON.parse(text) as DictionaryTree));
  return shipped;
}

/**
 * Reads and checks one dictionary file of a site against the English messages: it must be a JSON object of
 * objects and texts, with keys English has, each message valid ICU with only the values and tags English's takes.
 * Every problem has its line and column; the messages that are valid are kept.
 */
export function readSiteDictionary(
  text: string,
  file: string,
  english: FlatMessages,
): { messages: Map<string, string>; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const source = text.replace(/^\uFEFF/, "");
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const problem = (offset: number, field: string, expected: string, found: string): void => {
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ file, line, column: col, field, expected, found });
  };
  const expectedJson = "a JSON object of messages, as in Vitrine's src/i18n/dictionaries/en.json";
  for (const error of doc.errors) problem(error.pos[0], "JSON", expectedJson, error.message.split("\n")[0] ?? "");
  const messages = new Map<string, string>();
  if (doc.errors.length > 0) return { messages, problems };
  // The YAML reader gives every node's place, but takes more than JSON (comments, a comma before "}", bare
  // words): what JSON itself refuses is refused too, each at its place.
  const jsonErrors: ParseError[] = [];
  parseJson(source, jsonErrors, { disallowComments: true, allowTrailingComma: false });
  // The first error only: what the parser says after it follows from it.
  const [jsonError] = jsonErrors;
  if (jsonError) {
    const { offset, length, error } = jsonError;
    problem(
      offset,
      "JSON",
      expectedJson,
      `${printParseErrorCode(error)}: ${source.slice(offset, offset + Math.max(length, 1))}`,
    );
    return { messages, problems };
  }
  /** What a node holds, as the file writes it: a text's value without its quotes. */
  const written = (node: Node | null): string =>
    isScalar(node) ? String(node.value) : node ? source.slice(node.range?.[0], node.range?.[1]) : "";
  // The groups of English's keys: "nav" and "nav.menu" for "nav.menu.open".
  const englishGroups = new Set(
    [...english.keys()].flatMap((key) => {
      const segments = key.split(".");
      return segments.slice(1).map((_, index) => segments.slice(0, index + 1).join("."));
    }),
  );
  const visit = (node: Node | null, prefix: string): void => {
    if (!isMap(node)) {
      problem(node?.range?.[0] ?? 0, prefix.replace(/\.$/, "") || "dictionary", "an object of messages", written(node));
      return;
    }
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : "";
      const dotted = `${prefix}${key}`;
      const offset = keyNode?.range?.[0] ?? 0;
      const value = pair.value as Node | null;
      if (english.has(dotted)) {
        if (!isScalar(value) || typeof value.value !== "string") {
          problem(value?.range?.[0] ?? offset, dotted, "a message in quotes", written(value));
          continue;
        }
        const message = value.value;
        let elements: MessageFormatElement[];
        try {
          elements = parse(message);
        } catch (error) {
          problem(value.range?.[0] ?? offset, dotted, `an ICU message (${(error as Error).message})`, message);
          continue;
        }
        const allowed = messageArguments(parse(english.get(dotted) ?? ""));
        const unknown = [...messageArguments(elements)].filter((name) => !allowed.has(name));
        if (unknown.length > 0) {
          problem(
            value.range?.[0] ?? offset,
            dotted,
            allowed.size > 0
              ? `only the values English's message takes (${[...allowed].join(", ")})`
              : "a message without values: English's takes none",
            unknown.join(", "),
          );
          continue;
        }
        messages.set(dotted, message);
      } else if (englishGroups.has(dotted)) visit(value, `${dotted}.`);
      else {
        const known = [...english.keys(), ...englishGroups];
        problem(offset, dotted, `a key of Vitrine's dictionary, like "${closest(dotted, known)}"`, dotted);
      }
    }
  };
  visit(doc.contents, "");
  return { messages, problems };
}

/** A site's languages, with the words of each resolved, and what is wrong with its own dictionaries. */
export interface SiteI18n {
  languages: Language[];
  /** Each language's messages, by tag. */
  messages: Map<string, ResolvedMessages>;
  problems: Problem[];
  /** One per language with keys it shows in English, naming them all, at the file of the site's that would have them. */
  warnings: Problem[];
}

/** The warning for a language whose dictionaries lack `missing`: one line, naming every key, and where to add them. */
export function missingMessagesWarning(language: Language, missing: readonly string[]): Problem {
  const file = `${SITE_DICTIONARY_FOLDER}/${language.tag}.json`;
  const texts = `${missing.length} text${missing.length === 1 ? "" : "s"}`;
  return {
    file,
    line: 1,
    column: 1,
    field: `${language.name} (${language.tag})`,
    expected: `a message for each of Vitrine's texts, or it is shown in English: add ${missing.join(", ")} to ${file}`,
    found: `${texts} in English`,
  };
}

/** The language subtag of a tag, in lower case (`fr` for `fr-BE`), or the tag itself when it is not a valid one. */
export function primaryOf(tag: string): string {
  try {
    return new Intl.Locale(tag).language.toLowerCase();
  } catch {
    return tag.toLowerCase();
  }
}

/** The warning for a site dictionary no language of the site reads (`i18n/arabic.json`, or `es` not in `translations`). */
export function unusedDictionaryWarning(file: string, languages: readonly Language[]): Problem {
  return {
    file,
    line: 1,
    column: 1,
    field: "file name",
    expected: `<tag>.json for one of the site's languages (${languages.map((language) => language.tag).join(", ")}) or en: no page uses this one; name the language in translations in src/site.config.ts, or rename the file`,
    found: path.posix.basename(file),
  };
}

/** Reads Vitrine's dictionaries and the site's (`i18n/*.json` under `root`) and resolves every language of `config`. */
export function readSiteI18n(config: LanguageConfig, root: string): SiteI18n {
  const shipped = readShippedDictionaries();
  const english = shipped.get("en");
  if (!english) throw new Error(`Vitrine's English dictionary is missing from ${fileURLToPath(SHIPPED_DICTIONARIES)}`);
  const site = new Map<string, FlatMessages>();
  const problems: Problem[] = [];
  const languages = siteLanguages(config);
  const warnings: Problem[] = [];
  // The tags a site dictionary is read for: each language's, its language's (`fr` for `fr-BE`), and English.
  const used = new Set([
    "en",
    ...languages.flatMap((language) => [language.tag.toLowerCase(), primaryOf(language.tag)]),
  ]);
  for (const [tag, { file, text }] of readFolder(path.join(root, SITE_DICTIONARY_FOLDER))) {
    const name = path.relative(root, file).split(path.sep).join("/");
    const read = readSiteDictionary(text, name, english);
    site.set(tag, read.messages);
    problems.push(...read.problems);
    if (!used.has(tag)) warnings.push(unusedDictionaryWarning(name, languages));
  }
  const messages = new Map<string, ResolvedMessages>();
  for (const language of languages) {
    const resolved = resolveMessages(language.tag, { shipped, site });
    messages.set(language.tag, resolved);
    if (resolved.missing.length > 0) warnings.push(missingMessagesWarning(language, resolved.missing));
  }
  return { languages, messages, problems, warnings };
}
