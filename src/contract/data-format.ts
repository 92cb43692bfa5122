/**
 * The version of the data contract (the CSV files of data/, the content of content/ and the site
 * config) this Vitrine reads. A site records the version its files follow in the site config's
 * `dataFormat` key; a site without the key follows format 1. See docs/data-format.md.
 */
export const DATA_FORMAT = 2;

/** The format of a site whose config has no `dataFormat` key: the one from before versions existed. */
export const FIRST_DATA_FORMAT = 1;

/** A change to one CSV file of data/, applied by `vitrine migrate` to the header and every row. */
export type CsvChange =
  /** Gives a column a new name; its cells stay as they are. */
  | { kind: "rename-column"; file: string; column: string; to: string }
  /**
   * Splits a column into several: each cell is cut at the first `into.length - 1` occurrences of
   * `separator`, the parts trimmed; missing parts are blank.
   */
  | { kind: "split-column"; file: string; column: string; into: readonly string[]; separator: string }
  /**
   * Replaces cell values of a column (a vocabulary change): `values` maps each old word to its new one.
   * With `list`, the cells are lists (`subscriber;metadata`) and each item is replaced.
   */
  | { kind: "map-values"; file: string; column: string; values: Readonly<Record<string, string>>; list?: boolean }
  /** Adds a column after `after` (at the end when it is not in the file), with `value` in every row. */
  | { kind: "add-column"; file: string; column: string; after?: string; value: string };

/** A change to the site config, `src/site.config.ts`; `key` is a dotted path such as `report.period`. */
export type ConfigChange =
  /** Gives a key a new name in the same object, keeping its value. */
  | { kind: "rename-key"; key: string; to: string }
  /** Sets a key to a JSON value, adding it when it is missing (its parent object must be written out). */
  | { kind: "set-key"; key: string; value: string | number | boolean };

/** One step from a data format to the next, as data: `vitrine migrate` applies it with one engine. */
export interface Migration {
  /** The format the step starts from. */
  from: number;
  /** The format it ends at, `from + 1`. */
  to: number;
  /** What changed, in one sentence for the person running the migration. */
  describe: string;
  /** Changes to CSV files, in order. */
  csv: readonly CsvChange[];
  /** Changes to the site config, in order; `dataFormat` itself is set by the engine. */
  config: readonly ConfigChange[];
}

/**
 * Every step from format 1 to `DATA_FORMAT`, oldest first. Format 2 only added things (an optional
 * `data/figures.csv`, an optional `service` column in requests.csv, published periods in
 * `<Figure period=…>`), so a format-1 site is valid format 2 once it says so.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    describe: "format 2 adds data/figures.csv and an optional service column to requests.csv; no file changes",
    csv: [],
    config: [],
  },
];
