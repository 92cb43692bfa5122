/** The components editors may use in any `.mdx` file under content/ without an import line. */
export const MDX_COMPONENT_NAMES = ["Record", "Status", "Figure", "Chart", "Callout", "CallToAction"] as const;
/** One of the MDX components. */
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

/** Metrics `<Figure metric="…">` can show. */
export const FIGURE_METRICS = [
  "requests",
  "records",
  "accounts",
  "disclosure_rate",
  "decided",
  "disclosing",
  "disclosed",
  "partially_disclosed",
  "no_data",
  "rejected",
  "pending",
  "withdrawn",
  "median_days_to_respond",
  "countries",
] as const;
/** A metric of `<Figure>`. */
export type FigureMetric = (typeof FIGURE_METRICS)[number];

/** Charts `<Chart name="…">` can show: the same build-time charts as the report pages. */
export const CHART_NAMES = [
  "requests-by-period",
  "disclosure-rate",
  "top-countries",
  "world-map",
  "blocking-timeline",
  "incidents-over-time",
] as const;
/** A chart of `<Chart>`. */
export type ChartName = (typeof CHART_NAMES)[number];

/** Kinds of `<Callout type="…">`. */
export const CALLOUT_TYPES = ["note", "warning", "action"] as const;
/** A kind of callout. */
export type CalloutType = (typeof CALLOUT_TYPES)[number];

/** The attributes each component takes; `required` ones must be given as plain strings. */
export const MDX_COMPONENT_ATTRIBUTES: Record<
  MdxComponentName,
  { required: readonly string[]; optional: readonly string[] }
> = {
  Record: { required: ["id"], optional: [] },
  Status: { required: ["id"], optional: [] },
  Figure: { required: ["metric"], optional: ["period", "country"] },
  Chart: { required: ["name"], optional: ["title"] },
  Callout: { required: [], optional: ["type", "title"] },
  CallToAction: { required: ["href"], optional: [] },
};
