import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DATA_FORMAT, FIRST_DATA_FORMAT, MIGRATIONS, type Migration } from "../contract/data-format.ts";
import { formatProblem, type Problem } from "../load/validation/problem.ts";
import { CONFIG_FILE, editConfig, numberKey, readConfigSource } from "./migrate/config-edit.ts";
import { applyCsvChange } from "./migrate/csv-changes.ts";
import { readCsvTable, writeCsvTable, type CsvTable } from "./migrate/csv-table.ts";

/** `1 change`, `2 changes`. */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** The steps that bring a site from `format` to `target`, in order, or an error line when one is missing. */
function plan(format: number, target: number, migrations: readonly Migration[]): Migration[] | { error: string } {
  const steps: Migration[] = [];
  for (let from = format; from < target; from++) {
    const step = migrations.find((migration) => migration.from === from && migration.to === from + 1);
    if (!step)
      return { error: `${CONFIG_FILE}: dataFormat: a format vitrine migrate knows a step from, found ${from}` };
    steps.push(step);
  }
  return steps;
}

/** The format the config says, or an error line: a whole number from 1 up to `target`. */
function siteFormat(found: number | undefined, target: number): number | { error: string } {
  if (found === undefined) return FIRST_DATA_FORMAT;
  if (found > target)
    return {
      error: `${CONFIG_FILE}: dataFormat: a data format up to ${target}, the newest this version of Vitrine reads: the site was written for a newer Vitrine, run npm install vitrine@latest, found ${found}`,
    };
  if (!Number.isInteger(found) || found < FIRST_DATA_FORMAT)
    return {
      error: `${CONFIG_FILE}: dataFormat: a data format number, ${target} for this version of Vitrine, found ${found}`,
    };
  return found;
}

/**
 * `vitrine migrate [--dry-run]`: upgrades the CSV files of data/ and the site config of the site in
 * `root` from its data format to this Vitrine's, printing one line per change (with `--dry-run`,
 * only printing them). It writes nothing when any file cannot be migrated. `migrations` and
 * `target` are for tests that register a step of their own; returns the exit code.
 */
export async function runMigrate(
  args: string[],
  root: string,
  out: (line: string) => void,
  err: (line: string) => void,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = DATA_FORMAT,
): Promise<number> {
  let dryRun: boolean;
  try {
    dryRun = parseArgs({ args, options: { "dry-run": { type: "boolean", default: false } } }).values["dry-run"];
  } catch (error) {
    err(`vitrine migrate [--dry-run]: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const refuse = (lines: string[]): number => {
    for (const line of lines) err(line);
    err("Nothing was written. Fix the lines above, then run npx vitrine migrate again.");
    return 1;
  };
  const configPath = path.join(root, CONFIG_FILE);
  if (!existsSync(configPath))
    return refuse([`${CONFIG_FILE}: file: the site config, where the data format is recorded, found no such file`]);
  const source = readConfigSource(await readFile(configPath, "utf8"));
  if ("error" in source) return refuse([source.error]);
  const written = numberKey(source, "dataFormat");
  if (typeof written === "object") return refuse([written.error]);
  const format = siteFormat(written, target);
  if (typeof format === "object") return refuse([format.error]);
  if (format === target) {
    out(`Nothing to migrate: the site is on data format ${target}, this Vitrine's.`);
    return 0;
  }
  const steps = plan(format, target, migrations);
  if ("error" in steps) return refuse([steps.error]);

  const tables = new Map<string, CsvTable>();
  const unreadable = new Set<string>();
  const problems: Problem[] = [];
  const lines: string[] = [];
  for (const step of steps) {
    out(`Data format ${step.from} to ${step.to}: ${step.describe}.`);
    for (const change of step.csv) {
      let table = tables.get(change.file);
      if (!table) {
        const file = path.join(root, change.file);
        if (unreadable.has(change.file) || !existsSync(file)) continue;
        const read = readCsvTable(await readFile(file), change.file);
        if ("problems" in read) {
          unreadable.add(change.file);
          problems.push(...read.problems);
          continue;
        }
        table = read.table;
        tables.set(change.file, table);
      }
      const outcome = applyCsvChange(table, change, change.file);
      lines.push(...outcome.lines);
      problems.push(...outcome.problems);
    }
  }
  const config = editConfig(source, [
    ...steps.flatMap((step) => step.config),
    { kind: "set-key", key: "dataFormat", value: target },
  ]);
  if (problems.length > 0 || config.errors.length > 0)
    return refuse([...problems.map(formatProblem), ...config.errors]);

  lines.push(...config.lines);
  for (const line of lines) out(line);
  const changed = [...tables].filter(([, table]) => table.records.some((record) => record.changed));
  const files = changed.length + 1;
  if (dryRun) {
    out(`Dry run: nothing was written. Without --dry-run, vitrine migrate makes ${count(lines.length, "change")}.`);
    return 0;
  }
  for (const [file, table] of changed) await writeFile(path.join(root, file), writeCsvTable(table));
  // The config last: if a CSV file cannot be written, the site still says its old format and a second run resumes.
  await writeFile(configPath, config.code);
  out(`Migrated from data format ${format} to ${target}: ${count(lines.length, "change")} in ${count(files, "file")}.`);
  return 0;
}
