import type * as t from "@babel/types";
import { parseModule } from "magicast";
import type { ConfigChange } from "../../contract/data-format.ts";

/** The site config file, relative to the site root. */
export const CONFIG_FILE = "src/site.config.ts";

/** A replacement of the text from `start` to `end` (character offsets in the file). */
interface Splice {
  start: number;
  end: number;
  text: string;
}

/** A site config parsed for editing: its text and the object literal that holds the keys. */
export interface ConfigSource {
  code: string;
  object: t.ObjectExpression;
}

const EDITABLE =
  "export default defineSiteConfig({ … }) or export default { … }, an object literal vitrine migrate can edit";

/**
 * Parses the site config with magicast and finds its object literal: the argument of
 * `export default defineSiteConfig({…})` or the exported object (`satisfies`/`as` allowed).
 * Anything else (a variable, a spread built elsewhere) cannot be edited safely: an error line.
 */
export function readConfigSource(code: string): ConfigSource | { error: string } {
  let program: t.Program;
  try {
    program = parseModule(code).$ast as t.Program;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: `${CONFIG_FILE}: file: TypeScript that parses, found ${JSON.stringify(message)}` };
  }
  const exported = program.body.find((node) => node.type === "ExportDefaultDeclaration");
  let value: t.Node | undefined = exported?.declaration;
  while (value && (value.type === "TSSatisfiesExpression" || value.type === "TSAsExpression")) value = value.expression;
  if (
    value?.type === "CallExpression" &&
    value.callee.type === "Identifier" &&
    value.callee.name === "defineSiteConfig"
  )
    value = value.arguments[0];
  if (value?.type === "ObjectExpression") return { code, object: value };
  const found =
    value && value.start != null && value.end != null ? code.slice(value.start, value.end) : "no default export";
  return { error: `${CONFIG_FILE}: export default: ${EDITABLE}, found ${JSON.stringify(found.slice(0, 80))}` };
}

/** The name of a property's key, or undefined for a computed one. */
function keyName(property: t.ObjectProperty): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === "Identifier") return property.key.name;
  if (property.key.type === "StringLiteral") return property.key.value;
  return undefined;
}

/** The property `name` of an object literal. */
function findProperty(object: t.ObjectExpression, name: string): t.ObjectProperty | undefined {
  return object.properties.find(
    (property): property is t.ObjectProperty => property.type === "ObjectProperty" && keyName(property) === name,
  );
}

/** The object literal at a dotted path (`""` is the config itself), or undefined when it is not written out. */
function objectAt(root: t.ObjectExpression, path: readonly string[]): t.ObjectExpression | undefined {
  let object: t.ObjectExpression | undefined = root;
  for (const name of path) {
    const value: t.Node | undefined = object && findProperty(object, name)?.value;
    object = value?.type === "ObjectExpression" ? value : undefined;
  }
  return object;
}

/** The value of a top-level key when it is written as a number, `undefined` when missing, an error line otherwise. */
export function numberKey(source: ConfigSource, name: string): number | undefined | { error: string } {
  const value = findProperty(source.object, name)?.value;
  if (!value) return undefined;
  if (value.type === "NumericLiteral") return value.value;
  const found = value.start != null && value.end != null ? source.code.slice(value.start, value.end) : "";
  return { error: `${CONFIG_FILE}: ${name}: a number written out, like 2, found ${JSON.stringify(found)}` };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const keyText = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/** Where a new first property of `object` goes: before the first one (and its comments), on its own line if that one is. */
function insertion(code: string, object: t.ObjectExpression, text: string): Splice {
  const first = object.properties[0];
  if (!first || first.start == null || object.start == null || object.end == null)
    return { start: object.start ?? 0, end: object.end ?? 0, text: `{ ${text} }` };
  const start = Math.min(
    first.start,
    ...(first.leadingComments ?? []).map((comment) => comment.start ?? first.start ?? 0),
  );
  const lineStart = code.lastIndexOf("\n", start - 1) + 1;
  const indent = code.slice(lineStart, start);
  if (indent.trim() === "") return { start: lineStart, end: lineStart, text: `${indent}${text},\n` };
  return { start, end: start, text: `${text}, ` };
}

/**
 * Plans the changes on the config's text: one splice per key, so that every other byte (comments,
 * blank lines, formatting) stays as written. Returns the new text, a printed line per change, and
 * error lines for changes it cannot make.
 */
export function editConfig(
  source: ConfigSource,
  changes: readonly ConfigChange[],
): { code: string; lines: string[]; errors: string[] } {
  const splices: Splice[] = [];
  const lines: string[] = [];
  const errors: string[] = [];
  for (const change of changes) {
    const path = change.key.split(".");
    const name = path.pop() ?? "";
    const parent = objectAt(source.object, path);
    const property = parent && findProperty(parent, name);
    if (change.kind === "rename-key") {
      if (!property || property.key.start == null || property.key.end == null) continue;
      splices.push({ start: property.key.start, end: property.key.end, text: keyText(change.to) });
      lines.push(`${CONFIG_FILE}: rename ${change.key} to ${[...path, change.to].join(".")}`);
      continue;
    }
    const value = JSON.stringify(change.value);
    if (property?.value.start != null && property.value.end != null) {
      if (source.code.slice(property.value.start, property.value.end) === value) continue;
      splices.push({ start: property.value.start, end: property.value.end, text: value });
    } else if (parent) {
      splices.push(insertion(source.code, parent, `${keyText(name)}: ${value}`));
    } else {
      errors.push(`${CONFIG_FILE}: ${change.key}: an object written out in the config to add ${name} to, found none`);
      continue;
    }
    lines.push(`${CONFIG_FILE}: set ${change.key} to ${value}`);
  }
  let code = source.code;
  for (const splice of splices.sort((a, b) => b.start - a.start))
    code = code.slice(0, splice.start) + splice.text + code.slice(splice.end);
  return { code, lines, errors };
}
