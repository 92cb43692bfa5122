import countries from "i18n-iso-countries";
import { didYouMean } from "../validation/did-you-mean.ts";
import type { Problem } from "../validation/problem.ts";
import type { Publishes } from "../../contract/site-config-schema.ts";
import type { JsxUsage } from "./read-mdx-body.ts";
import {
  CALLOUT_TYPES,
  CHART_NAMES,
  FIGURE_METRICS,
  MDX_COMPONENT_ATTRIBUTES,
  MDX_COMPONENT_NAMES,
  type MdxComponentName,
} from "../../contract/mdx-component-specs.ts";

/** A component used in a content file. */
export interface FileUsage {
  file: string;
  usage: JsxUsage;
  /** Names the file imports itself (those components are the author's business). */
  imported: ReadonlySet<string>;
}

/** What the components may refer to. */
export interface ComponentContext {
  /** Kind of every record id. */
  recordKinds: ReadonlyMap<string, "requests" | "blockingEvents" | "incidents">;
  /** Period keys that have requests (`all`, years `2024`, half-years `2024-h1`) or published figures, lower case. */
  periods: ReadonlySet<string>;
  /** The periods of the published figures as data/figures.csv writes them (`2015`, `2025-H1`), for the message. */
  publishedPeriods?: readonly string[];
  /** Which kinds the site publishes (all when left out): a figure or chart of another kind has nothing to show. */
  publishes?: Publishes;
}

/** The kind of records each chart draws. */
const CHART_KINDS: Record<(typeof CHART_NAMES)[number], keyof Publishes> = {
  "requests-by-period": "requests",
  "disclosure-rate": "requests",
  "top-countries": "requests",
  "world-map": "requests",
  "blocking-timeline": "blockingEvents",
  "incidents-over-time": "incidents",
};

/** What an unknown record id may be on a site that leaves kinds out: ` (publishes.requests false …)`, else nothing. */
function unpublishedNote(context: ComponentContext): string {
  const off = Object.entries(context.publishes ?? {}).filter(([, on]) => !on);
  return off.length > 0
    ? ` (${off.map(([kind]) => `publishes.${kind}`).join(", ")} false in src/site.config.ts: none of those)`
    : "";
}

/** The kind a `<Figure>` or `<Chart>` shows when the site does not publish it, else undefined. */
function unpublishedKind(usage: JsxUsage, context: ComponentContext): keyof Publishes | undefined {
  const chart = usage.attributes["name"];
  const kind =
    usage.name === "Figure"
      ? "requests"
      : usage.name === "Chart" && chart !== undefined && chart in CHART_KINDS
        ? CHART_KINDS[chart as keyof typeof CHART_KINDS]
        : undefined;
  return kind !== undefined && context.publishes?.[kind] === false ? kind : undefined;
}

const isComponent = (name: string): name is MdxComponentName =>
  (MDX_COMPONENT_NAMES as readonly string[]).includes(name);

/** Checks one attribute value of a known component; returns what was expected, or undefined when fine. */
function attributeProblem(
  component: MdxComponentName,
  name: string,
  value: string,
  context: ComponentContext,
): string | undefined {
  // Every record id, listed only to suggest one for a bad id: a site has tens of thousands.
  const ids = (): string[] => [...context.recordKinds.keys()];
  if (component === "Record" && name === "id" && !context.recordKinds.has(value))
    return `the id of a record in data/${unpublishedNote(context)}${didYouMean(value, ids())}`;
  if (component === "Status" && name === "id") {
    const kind = context.recordKinds.get(value);
    if (kind === undefined || kind === "requests") {
      const statusIds = ids().filter((id) => context.recordKinds.get(id) !== "requests");
      const kinds = [
        ...(context.publishes?.blockingEvents === false ? [] : ["a blocking event"]),
        ...(context.publishes?.incidents === false ? [] : ["an incident"]),
      ];
      const what = kinds.join(" or ").replace(" or an ", " or ") || "a blocking event or incident";
      return `the id of ${what}${unpublishedNote(context)}${didYouMean(value, statusIds)}`;
    }
  }
  if (component === "Figure" && name === "metric" && !(FIGURE_METRICS as readonly string[]).includes(value))
    return `one of ${FIGURE_METRICS.join(", ")}${didYouMean(value, FIGURE_METRICS)}`;
  if (component === "Figure" && name === "period" && !context.periods.has(value.toLowerCase())) {
    const published = context.publishedPeriods ?? [];
    const fromLedger = [...context.periods].filter((p) => !published.some((text) => text.toLowerCase() === p));
    const years = fromLedger.filter((p) => /^\d{4}$/.test(p)).sort();
    const range = years.length > 0 ? `a year from ${years[0]} to ${years.at(-1)}` : "a year with requests";
    const half = `a half-year with requests like "${years.at(-1) ?? "2024"}-H1"`;
    if (published.length === 0) return `"all", ${range}, or ${half}`;
    return `"all", ${range}, ${half}, or a period of the published figures (${published.join(", ")})`;
  }
  if (component === "Figure" && name === "country" && !countries.isValid(value.toUpperCase()))
    return 'an ISO 3166-1 alpha-2 country code, like "BE"';
  if (component === "Chart" && name === "name" && !(CHART_NAMES as readonly string[]).includes(value))
    return `one of ${CHART_NAMES.join(", ")}${didYouMean(value, CHART_NAMES)}`;
  if (component === "Callout" && name === "type" && !(CALLOUT_TYPES as readonly string[]).includes(value))
    return `one of ${CALLOUT_TYPES.join(", ")}${didYouMean(value, CALLOUT_TYPES)}`;
  if (component === "CallToAction" && name === "href" && !/^(https?:\/\/|\/|mailto:)/.test(value))
    return "a link starting with https://, / or mailto:";
  return undefined;
}

/**
 * Reports every problem with the components used in MDX files: unknown components, missing,
 * unknown or non-string attributes, and ids, metrics, periods or chart names that do not exist.
 */
export function mdxComponentProblems(usages: readonly FileUsage[], context: ComponentContext): Problem[] {
  const problems: Problem[] = [];
  for (const { file, usage, imported } of usages) {
    const at = { file, line: usage.line, column: usage.column, field: usage.name };
    if (imported.has(usage.name)) continue;
    if (!isComponent(usage.name)) {
      problems.push({
        ...at,
        expected: `one of the components ${MDX_COMPONENT_NAMES.join(", ")}${didYouMean(usage.name, MDX_COMPONENT_NAMES)} (see docs/writing.md)`,
        found: `<${usage.name}>`,
      });
      continue;
    }
    const off = unpublishedKind(usage, context);
    if (off) {
      problems.push({
        ...at,
        expected: `no <${usage.name}> of ${off}: src/site.config.ts says publishes.${off}: false, so there is nothing to show; remove it, or publish ${off}`,
        found: `<${usage.name}${usage.name === "Chart" ? ` name="${usage.attributes["name"] ?? ""}"` : ""}>`,
      });
      continue;
    }
    const spec = MDX_COMPONENT_ATTRIBUTES[usage.name];
    for (const name of spec.required.filter((n) => !(n in usage.attributes))) {
      problems.push({ ...at, expected: `a ${name}="…" attribute`, found: `<${usage.name}> without ${name}` });
    }
    for (const [name, value] of Object.entries(usage.attributes)) {
      if (![...spec.required, ...spec.optional].includes(name)) {
        problems.push({
          ...at,
          expected: `only the attributes ${[...spec.required, ...spec.optional].join(", ")}${didYouMean(name, [...spec.required, ...spec.optional])}`,
          found: name,
        });
        continue;
      }
      if (value === undefined) {
        problems.push({ ...at, expected: `${name} as a plain text in quotes, like ${name}="…"`, found: `${name}={…}` });
        continue;
      }
      const expected = attributeProblem(usage.name, name, value, context);
      if (expected) problems.push({ ...at, expected: `${name}: ${expected}`, found: value });
    }
  }
  return problems;
}
