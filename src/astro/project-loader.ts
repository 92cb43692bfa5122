import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DataStore, Loader, LoaderContext } from "astro/loaders";
import { describeProject, loadProject, type LoadOptions, type Project } from "../load/project/load-project.ts";
import { CANARY_FILE } from "../load/project/read-canary.ts";
import { blockingEventSpec } from "../contract/schemas/blocking-event.ts";
import { incidentSpec } from "../contract/schemas/incident.ts";
import { requestSpec } from "../contract/schemas/request.ts";
import { figureSpec } from "../contract/schemas/figure.ts";
import { correctionSpec } from "../contract/schemas/correction.ts";
import { RELEASES_FOLDER } from "../release/release-layout.ts";
import { buildTime } from "../load/build-time.ts";
import { formatProblem, formatProblemReport } from "../load/validation/problem.ts";
import { setDevProblems } from "./dev-problems.ts";

/** The collections of a Vitrine site. */
export type CollectionName =
  | "requests"
  | "figures"
  | "blockingEvents"
  | "incidents"
  | "corrections"
  | "releases"
  | "posts"
  | "authors"
  | "pages"
  | "writeups"
  | "canary";

type Store = Pick<DataStore, "clear" | "set">;

/** How long files under data/ and content/ must be quiet after a change before `astro dev` reads them again. */
const SAVE_SETTLE_MS = 150;
type Digest = LoaderContext["generateDigest"];

const RECORD_FILES = {
  requests: requestSpec.file,
  blockingEvents: blockingEventSpec.file,
  incidents: incidentSpec.file,
} as const;

/** Puts one collection of a valid project into its store. MDX and Markdown are rendered from their files when shown. */
function fill(name: CollectionName, project: Project, store: Store, digest: Digest): void {
  store.clear();
  // The digest of what the site shows of an entry: `getSiteModel()` builds the model again only when one changed.
  const set = (id: string, data: Record<string, unknown>, filePath: string, deferredRender?: true) =>
    store.set({ id, data, filePath, digest: digest(data), ...(deferredRender && { deferredRender }) });
  if (name === "requests" || name === "blockingEvents" || name === "incidents") {
    // A record's translated columns (`title.ru`…) go with it, for the model to show in each page's language.
    for (const record of project[name]) {
      const translations = record.translations && { translations: record.translations };
      set(record.data.id, { ...record.data, ...translations }, RECORD_FILES[name]);
    }
  } else if (name === "figures") {
    // A figure has no id of its own: its line in the file names it.
    for (const figure of project.figures) set(String(figure.line), { ...figure.data }, figureSpec.file);
  } else if (name === "corrections") {
    // A correction has no id of its own either: its line in data/corrections.csv names it.
    for (const row of project.corrections) set(String(row.line), { ...row.data }, correctionSpec.file);
  } else if (name === "releases") {
    for (const release of project.releases)
      set(release.version, { ...release }, `${RELEASES_FOLDER}/${release.version}`);
  } else if (name === "canary") {
    if (project.canary) set("canary", { ...project.canary }, CANARY_FILE, true);
  } else {
    // A post's, page's or write-up's translations are entries of its collection too (`<id>.<tag>`), marked as such.
    const translations = name === "authors" ? [] : project.translations[name];
    for (const entry of [...project[name], ...translations]) {
      const translation = entry.translation && { translation: { ...entry.translation } };
      set(entry.id, { ...entry.data, mentions: entry.mentions, ...translation }, entry.file, true);
    }
  }
}

/**
 * The loaders of every collection, fed by one read and one validation of `data/` and `content/` per
 * build (and per change under `astro dev`): the data the pages get is exactly what `npm run validate`
 * accepted. A build with any problem stops while loading, before a page is written, printing the
 * same report as `validate`. Under `astro dev` problems are logged once per change and every
 * collection keeps its last valid data.
 */
export function projectLoaders(
  options: Pick<LoadOptions, "expiredCanary" | "canary" | "allowCode" | "publishes" | "smallCounts" | "reportDue">,
): Record<CollectionName, Loader> {
  let read: Promise<Project> | undefined;
  /** Each collection's way to take a new read, so one change under `astro dev` is read once for all of them. */
  const fills = new Map<CollectionName, (project: Project) => void>();
  /** The dev-server watchers already listened to: once each, and again should Astro hand the loaders a new one. */
  const watched = new WeakSet<object>();

  const readProject = (root: string): Promise<Project> =>
    loadProject(root, { now: buildTime(), requireDataFiles: true, ...options });

  /** Whether the collections hold a valid read (one of this server's, or the one the dev store kept from the last). */
  let shownValid = false;

  const report = (project: Project, logger: LoaderContext["logger"], dev: boolean): boolean => {
    for (const warning of project.warnings) logger.warn(formatProblem(warning));
    if (project.problems.length === 0) {
      logger.info(`data/ and content/ read and checked: ${describeProject(project)}`);
      if (dev) setDevProblems(undefined);
      shownValid = true;
      return true;
    }
    const text = formatProblemReport(project.problems);
    if (dev) {
      const shown = shownValid ? "showing the last valid data until they are fixed" : "no valid data to show yet";
      logger.error(`data/ or content/ has problems; ${shown}:\n${text}`);
      // Every page the dev server serves shows the same lines (dev-problems-middleware.ts).
      setDevProblems({ lines: text.split("\n"), lastValid: shownValid });
      return false;
    }
    logger.error("data/ or content/ has problems, so nothing was built:");
    console.error(`${text}\nFix the lines above (see docs/data-format.md); npm run validate checks again in seconds.`);
    // Exit rather than throw: the report is the whole message, and a stack trace would bury it.
    process.exit(1);
  };

  const loader = (name: CollectionName): Loader => ({
    name: `vitrine:${name}`,
    load: async (context: LoaderContext) => {
      const { config, store, watcher } = context;
      // Messages about the whole of data/ and content/, not this one collection.
      const logger = context.logger.fork("vitrine");
      // Called through the context: its type declares a method, which may need its `this`.
      const generateDigest: Digest = (data) => context.generateDigest(data);
      const root = fileURLToPath(config.root);
      const first = read === undefined;
      // The dev store keeps the collections of the last run: those are the last valid data until a read is.
      if (first && watcher && context.store.keys().length > 0) shownValid = true;
      if (first) logger.info("reading data/ and content/…");
      read ??= readProject(root);
      const project = await read;
      // The first collection reports; the others share its read.
      const valid = first ? report(project, logger, watcher !== undefined) : project.problems.length === 0;
      fills.set(name, (next) => fill(name, next, store, generateDigest));
      if (valid) fill(name, project, store, generateDigest);
      if (!watcher || watched.has(watcher)) return;
      watched.add(watcher);
      const folders = [path.join(root, "data"), path.join(root, "content")];
      watcher.add(folders);
      // One save is often several events (a truncate, then writes): read once the files have been quiet for
      // a moment, never in the middle of a save, which looked like a file with rows missing.
      let quiet: ReturnType<typeof setTimeout> | undefined;
      const onChange = (changed: string): void => {
        if (!folders.some((folder) => changed.startsWith(folder))) return;
        clearTimeout(quiet);
        quiet = setTimeout(reread, SAVE_SETTLE_MS);
      };
      const reread = (): void => {
        const next = (read = readProject(root));
        next.then(
          (p) => {
            // A newer change started another read: that one updates the collections.
            if (read !== next || !report(p, logger, true)) return;
            for (const update of fills.values()) update(p);
          },
          // The dev server lives on with the last valid data.
          (error: unknown) => logger.error(`data/ or content/ could not be read: ${String(error)}`),
        );
      };
      watcher.on("change", onChange).on("add", onChange).on("unlink", onChange);
    },
  });

  return {
    requests: loader("requests"),
    figures: loader("figures"),
    blockingEvents: loader("blockingEvents"),
    incidents: loader("incidents"),
    corrections: loader("corrections"),
    releases: loader("releases"),
    posts: loader("posts"),
    authors: loader("authors"),
    pages: loader("pages"),
    writeups: loader("writeups"),
    canary: loader("canary"),
  };
}
