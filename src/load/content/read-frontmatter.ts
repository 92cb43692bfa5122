import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node, type Pair } from "yaml";
import type { z } from "zod";
import { checkFields } from "../../contract/schemas/check-fields.ts";
import type { FieldShape, FieldSpec } from "../../contract/schemas/record-spec.ts";
import { didYouMean } from "../validation/did-you-mean.ts";
import { fieldPath } from "../validation/field-path.ts";
import type { Problem } from "../validation/problem.ts";

/** Where something stands in a content file, and its text. */
export interface TextPosition {
  line: number;
  column: number;
  raw: string;
}

/** A content file's frontmatter, checked against its spec. */
export interface FrontmatterResult<T> {
  /** The typed frontmatter, when it has no problem. */
  data: T | undefined;
  /** The frontmatter as its YAML reads, before any check (empty when it is not a YAML map). */
  raw: Readonly<Record<string, unknown>>;
  problems: Problem[];
  /**
   * Finds a frontmatter key (or an item under it) in the file: a top-level key's name, else the value at `path`;
   * `part: "key"` finds the name of the map key `path` ends with instead of its value (`tags: { russia: … }`).
   */
  locate: (path: readonly PropertyKey[], part?: "key") => TextPosition;
}

const FENCE = /^---[ \t]*$/;

/** Splits `---` fenced YAML frontmatter from the top of a file; undefined when there is none. */
export function splitFrontmatter(source: string): { yaml: string; firstLine: number } | undefined {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? "")) return undefined;
  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (end < 0) return undefined;
  return { yaml: lines.slice(1, end).join("\n"), firstLine: 2 };
}

function topLevelPair(doc: Document, key: PropertyKey): Pair<Node, Node> | undefined {
  if (!isMap(doc.contents)) return undefined;
  return (doc.contents.items as Pair<Node, Node>[]).find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/**
 * Reads the frontmatter of an MDX file and checks it field by field against a spec, reporting
 * YAML errors, unknown keys and bad values with the line and column of the key or list item.
 */
export function readFrontmatter<Shape extends FieldShape>(
  source: string,
  file: string,
  spec: FieldSpec<Shape>,
): FrontmatterResult<z.output<z.ZodObject<Shape>>> {
  const top: TextPosition = { line: 1, column: 1, raw: "" };
  const block = splitFrontmatter(source);
  const lineCounter = new LineCounter();
  const doc = parseDocument(block?.yaml ?? "", { lineCounter, prettyErrors: false });
  const at = (offset: number, end: number): TextPosition => {
    const pos = lineCounter.linePos(offset);
    return {
      line: pos.line + (block?.firstLine ?? 1) - 1,
      column: pos.col,
      raw: (block?.yaml ?? "").slice(offset, end).trim(),
    };
  };
  const locate = (path: readonly PropertyKey[], part?: "key"): TextPosition => {
    const [key, ...rest] = path;
    if (key === undefined) return top;
    const pair = topLevelPair(doc, key);
    if (!pair) return top;
    if (rest.length === 0) {
      const keyRange = pair.key?.range;
      const value = pair.value?.range;
      return keyRange ? { ...at(keyRange[0], keyRange[1]), raw: value ? at(value[0], value[1]).raw : "" } : top;
    }
    if (part === "key") {
      const parent: unknown = doc.getIn(path.slice(0, -1), true);
      const name = path.at(-1);
      const found = isMap(parent)
        ? parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(name))
        : undefined;
      const range = found && isScalar(found.key) ? found.key.range : undefined;
      return range ? at(range[0], range[1]) : locate(path.slice(0, -1));
    }
    const node = doc.getIn(path as PropertyKey[], true) as Node | undefined;
    return node?.range ? at(node.range[0], node.range[1]) : locate([key]);
  };
  if (!block) {
    const probe = checkFields(spec, () => undefined);
    if (probe.issues.length === 0) return { data: probe.values, raw: {}, problems: [], locate };
    const firstLine = source.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
    return {
      data: undefined,
      raw: {},
      problems: [
        {
          file,
          line: 1,
          column: 1,
          field: "frontmatter",
          expected: "frontmatter between two --- lines at the top of the file",
          found: firstLine,
        },
      ],
      locate,
    };
  }
  const yamlLines = block?.yaml.split("\n") ?? [];
  const problems: Problem[] = doc.errors.map((error) => {
    const pos = at(error.pos[0], error.pos[1]);
    const found = (yamlLines[pos.line - (block?.firstLine ?? 1)] ?? "").trim();
    const reason = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
    return {
      file,
      line: pos.line,
      column: pos.column,
      field: "frontmatter",
      expected: `valid YAML (${reason}; put text holding ": " or "#" in quotes)`,
      found,
    };
  });
  if (problems.length > 0) return { data: undefined, raw: {}, problems, locate };
  const raw: unknown = doc.toJS();
  const data = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const known = Object.keys(spec.shape);
  for (const key of Object.keys(data).filter((k) => !known.includes(k))) {
    const pos = locate([key]);
    problems.push({
      file,
      line: pos.line,
      column: pos.column,
      field: key,
      expected: `a known key${didYouMean(key, known)}: ${known.join(", ")}`,
      found: key,
    });
  }
  const { values, issues } = checkFields(spec, (field) => data[field]);
  for (const issue of issues) {
    const pos = locate([issue.field, ...issue.path]);
    const missing = data[issue.field] === undefined;
    // The list item the schema saw when the issue names one, else the key's value. A list, a map or a null is
    // quoted as the editor wrote it (String() would give "[object Object]", "a,b" or "null").
    const value = issue.input !== undefined ? issue.input : data[issue.field];
    const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    const found = scalar ? String(value) : missing ? "" : pos.raw;
    const expected = missing && !issue.fromRule ? `this required key, with ${issue.expected}` : issue.expected;
    problems.push({
      file,
      line: pos.line,
      column: pos.column,
      field: fieldPath(issue.field, issue.path),
      expected,
      found,
    });
  }
  return { data: problems.length === 0 ? values : undefined, raw: data, problems, locate };
}
