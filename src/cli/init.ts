import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { stringify } from "csv-stringify/sync";
import slugify from "@sindresorhus/slugify";
import { blockingEventSpec } from "../contract/schemas/blocking-event.ts";
import { incidentSpec } from "../contract/schemas/incident.ts";
import { correctionSpec } from "../contract/schemas/correction.ts";
import { requestSpec } from "../contract/schemas/request.ts";
import { fieldNames } from "../output/open-data/record-values.ts";
import { todayIn } from "./new-post.ts";

/** How to call the command, printed by `--help` and after a mistake. */
export const INIT_USAGE =
  'Usage: vitrine init <folder> [--name "Organisation name"] [--url https://transparency.example.org]';

/** The address a new site gets until its owner sets theirs: `example.org` is reserved for examples. */
export const PLACEHOLDER_URL = "https://transparency.example.org";

/**
 * The site template shipped in the package, next to `src/` (and to `lib/` once compiled). Its files are
 * copied as they are but for three tokens: `{{name}}` (the organisation), `{{url}}` (the site's address)
 * and `{{date}}` (today, for the example post). package.json and the data files are made by code.
 */
const TEMPLATE_DIR = fileURLToPath(new URL("../../templates/site/", import.meta.url));
/** The package's own manifest, read for its version and the ranges a new site depends on. */
const OWN_MANIFEST = fileURLToPath(new URL("../../package.json", import.meta.url));

/**
 * Files of the template stored under another name: npm never packs a file called `.gitignore`
 * (it reads it as ignore rules), so the template holds `gitignore`.
 */
const RENAMED: Readonly<Record<string, string>> = { gitignore: ".gitignore" };

/** Characters refused in `--name`: they would need escaping in the TypeScript, YAML, Markdown and MDX the name goes into. */
const UNSAFE_NAME = /["\\<>{}`\p{Cc}]/u;

/** What `vitrine init` was asked to do. */
export interface InitRequest {
  /** The folder to create the site in, relative to the root the command runs in. */
  dir: string;
  /** The organisation's name, as given with `--name`. */
  name?: string | undefined;
  /** The site's public address, as given with `--url`. */
  url?: string | undefined;
}

/** The parts of a package.json that a new site's package.json is made from. */
export interface PackageManifest {
  name?: string;
  version?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}

/** What the command line asks for: the folder and options, help, or a mistake to explain. */
export function initArguments(args: readonly string[]): InitRequest | { help: true } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { help: { type: "boolean", short: "h" }, name: { type: "string" }, url: { type: "string" } },
    });
  } catch (error) {
    return { error: `${error instanceof Error ? error.message : String(error)}\n${INIT_USAGE}` };
  }
  if (parsed.values.help) return { help: true };
  if (parsed.positionals.length !== 1) return { error: INIT_USAGE };
  const [dir = ""] = parsed.positionals;
  const { name, url } = parsed.values;
  if (name !== undefined && (name.trim() === "" || UNSAFE_NAME.test(name)))
    return {
      error: `--name: the organisation's name, without quotes, backslashes, <, >, { or } (add them later in src/site.config.ts), found ${JSON.stringify(name)}`,
    };
  if (url !== undefined && (!/^https?:\/\/[^\s"\\]+$/.test(url) || !URL.canParse(url)))
    return { error: `--url: the site's public address, like ${PLACEHOLDER_URL}, found ${JSON.stringify(url)}` };
  return { dir, name: name?.trim(), url };
}

/** An organisation name made from a folder name: `my-report` → `My Report`. */
export function nameFromFolder(folder: string): string {
  const words = folder.split(/[\s_-]+/).filter((word) => word !== "" && !UNSAFE_NAME.test(word));
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ") || "Our Organisation";
}

/** A valid npm package name made from a folder name, in ASCII: `My Report` → `my-report`, `Отчёт` → `otchyot`. */
export function packageNameFromFolder(folder: string): string {
  return (
    slugify(folder, { preserveCharacters: ["_", "."] })
      .replace(/^[._-]+|[._-]+$/g, "")
      .slice(0, 214) || "transparency-report"
  );
}

/**
 * The new site's package.json: the template's scripts, its own name, and what it needs from the package
 * running `init`: `vitrine` at this version or a compatible later one, the `astro` range the package
 * supports (its peer range, else its dependency range), the same Node engines, and the `node` package
 * pinned as in the package so that `npm run …` uses the same Node, with the install scripts it allows.
 */
export function sitePackageJson(
  template: PackageManifest,
  own: PackageManifest,
  name: string,
  vitrineSpec = `^${own.version ?? "0.0.0"}`,
): PackageManifest {
  const astro = own.peerDependencies?.["astro"] ?? own.dependencies?.["astro"];
  const node = own.devDependencies?.["node"];
  const allowScripts = Object.fromEntries(
    Object.entries(own.allowScripts ?? {}).filter(([pkg]) => pkg === "node" || pkg === "esbuild"),
  );
  return {
    name,
    ...template,
    ...(own.engines?.["node"] ? { engines: { node: own.engines["node"] } } : {}),
    dependencies: {
      ...(astro ? { astro } : {}),
      [own.name ?? "vitrine"]: vitrineSpec,
    },
    ...(node ? { devDependencies: { node } } : {}),
    ...(Object.keys(allowScripts).length > 0 ? { allowScripts } : {}),
  };
}

/**
 * Where the package running `init` was installed from, when that was a file rather than the registry: `npx --package
 * ./vitrine-1.2.0.tgz vitrine init` installs it into a folder of npm's cache whose package.json depends on
 * `file:<the tarball>`. The new site then depends on the same file (as an absolute `file:` spec), so that its
 * `npm install` installs the package it was made with, not whatever the registry has under that name.
 */
export function installedFromFile(packageRoot: string, name: string): string | undefined {
  const modules = path.dirname(packageRoot);
  if (path.basename(modules) !== "node_modules") return undefined;
  const installer = path.join(path.dirname(modules), "package.json");
  if (!existsSync(installer)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(installer, "utf8")) as { dependencies?: Record<string, string> };
    const spec = manifest.dependencies?.[name];
    if (!spec?.startsWith("file:")) return undefined;
    return `file:${path.resolve(path.dirname(installer), spec.slice("file:".length))}`;
  } catch {
    return undefined;
  }
}

/**
 * The data files of a new site: each record spec's file, and the corrections log, with its header line only,
 * the columns in the contract's order.
 */
export function headerOnlyDataFiles(): { file: string; text: string }[] {
  return [requestSpec, blockingEventSpec, incidentSpec, correctionSpec].map((spec) => ({
    file: spec.file,
    text: stringify([fieldNames(spec)]),
  }));
}

/** Replaces every `{{token}}` in `text`; throws on a token it has no value for, so none reaches a site. */
export function fillTokens(text: string, values: Readonly<Record<string, string>>, file: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, token: string) => {
    const value = values[token];
    if (value === undefined) throw new Error(`templates/site/${file}: no value for {{${token}}}`);
    return value;
  });
}

/** The files of the template folder, relative to it, with `/` separators. */
async function templateFiles(): Promise<string[]> {
  const entries = await readdir(TEMPLATE_DIR, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(TEMPLATE_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Every file of the new site, relative to its folder, with its text. */
export async function siteFiles(
  folderName: string,
  options: { name: string; url: string; date: string; vitrineSpec?: string | undefined },
  own: PackageManifest,
): Promise<{ file: string; text: string }[]> {
  const values = { name: options.name, url: options.url, date: options.date };
  const files: { file: string; text: string }[] = [];
  for (const source of await templateFiles()) {
    const text = await readFile(path.join(TEMPLATE_DIR, source), "utf8");
    const target = path.posix.join(
      path.posix.dirname(source),
      RENAMED[path.posix.basename(source)] ?? path.posix.basename(source),
    );
    if (source === "package.json") {
      const manifest = sitePackageJson(
        JSON.parse(text) as PackageManifest,
        own,
        packageNameFromFolder(folderName),
        options.vitrineSpec,
      );
      files.push({ file: target, text: `${JSON.stringify(manifest, null, 2)}\n` });
    } else files.push({ file: target, text: fillTokens(text, values, source) });
  }
  return [...files, ...headerOnlyDataFiles()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Whether `folder` holds anything (a file there is "not empty" too). */
function occupied(folder: string): boolean {
  if (!existsSync(folder)) return false;
  return !statSync(folder).isDirectory() || readdirSync(folder).length > 0;
}

/**
 * `vitrine init <folder>`: writes a new site from the package's template into `folder` (relative to
 * `root`), which must not exist yet or be empty; prints the files it wrote and the next commands.
 * Returns the exit code: 0 when the site was written, 1 when nothing was.
 */
export async function runInit(
  args: string[],
  root: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const request = initArguments(args);
  if ("help" in request) {
    out(`${INIT_USAGE}\nWrites a new Vitrine site into <folder>, which must be empty or not exist yet.`);
    return 0;
  }
  if ("error" in request) {
    err(request.error);
    return 1;
  }
  const target = path.resolve(root, request.dir);
  const shown = path.relative(root, target) || ".";
  if (occupied(target)) {
    err(`${shown}: an empty folder (or one that does not exist yet), found one with files in it: nothing was written.`);
    return 1;
  }
  const folderName = path.basename(target);
  const name = request.name ?? nameFromFolder(folderName);
  const own = JSON.parse(await readFile(OWN_MANIFEST, "utf8")) as PackageManifest;
  const vitrineSpec = installedFromFile(path.dirname(OWN_MANIFEST), own.name ?? "vitrine");
  const files = await siteFiles(
    folderName,
    { name, url: request.url ?? PLACEHOLDER_URL, date: todayIn("UTC"), vitrineSpec },
    own,
  );
  for (const { file, text } of files) {
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await writeFile(path.join(target, file), text, { flag: "wx" });
  }
  out(`Created a Vitrine site for ${name} in ${shown}/:`);
  for (const { file } of files) out(`  ${file}`);
  out("");
  out(`Next, in ${shown}/ (then edit src/site.config.ts; README.md says where everything goes):`);
  out("  npm install");
  out("  npm run build");
  return 0;
}
