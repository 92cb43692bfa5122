/**
 * The problems `astro dev` found in data/ and content/ at its last read, and in the site config at its last
 * (re)start, shown on every page it serves (`dev-problems-middleware.ts`). The content loader and the middleware are loaded apart (the loader with
 * the content config, the middleware by Vite), so they share the state through one global slot.
 */
export interface DevProblems {
  /** The problem lines, exactly as `npm run validate` prints them, then the count line. */
  lines: string[];
  /** Whether the pages show an earlier valid read (false when no read has been valid since the server started). */
  lastValid: boolean;
}

const SLOT = Symbol.for("vitrine.devProblems");
type Slot = { [SLOT]?: DevProblems | undefined };

/** Records the outcome of a read under `astro dev`: its problems' lines, or none once all is valid. */
export function setDevProblems(problems: DevProblems | undefined): void {
  (globalThis as Slot)[SLOT] = problems && problems.lines.length > 0 ? problems : undefined;
}

/** The problems of the last read under `astro dev`, or undefined when it was valid (or outside `astro dev`). */
export function getDevProblems(): DevProblems | undefined {
  return (globalThis as Slot)[SLOT];
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The panel `astro dev` puts at the top of every page while data/ or content/ has problems: the same lines
 * as `npm run validate`, and whether the page shows the last valid data. No script and no style attribute
 * (global.css styles `.dev-problems`), so a Content-Security-Policy never blocks it.
 */
export function devProblemsPanel(problems: DevProblems): string {
  const shown = problems.lastValid
    ? "This preview still shows the last valid data: your last change is not in it."
    : "Nothing valid has been read since npm run dev started, so this preview shows no data.";
  return [
    '<section class="dev-problems" role="alert" aria-labelledby="dev-problems-title" data-vitrine-dev-problems>',
    '<h2 id="dev-problems-title">data/ or content/ has problems</h2>',
    `<p>${shown} Fix the lines below and save: this panel goes once all is valid. Only npm run dev shows it.</p>`,
    `<pre>${problems.lines.map(escapeHtml).join("\n")}</pre>`,
    "</section>",
  ].join("");
}

/** Problem lines kept in one global slot under `astro dev`, as the data's are: set at a (re)start, read by the middleware. */
function linesSlot(name: string): {
  set: (lines: readonly string[] | undefined) => void;
  get: () => readonly string[] | undefined;
} {
  const key = Symbol.for(name);
  const slot = globalThis as { [key]?: readonly string[] | undefined };
  return {
    set: (lines) => {
      slot[key] = lines && lines.length > 0 ? lines : undefined;
    },
    get: () => slot[key],
  };
}

/** A panel of problem lines at the top of a page: its heading, what the preview shows meanwhile, and the lines. */
function linesPanel(kind: string, heading: string, text: string, lines: readonly string[]): string {
  return [
    `<section class="dev-problems" role="alert" aria-labelledby="dev-${kind}-problems-title" data-vitrine-dev-${kind}>`,
    `<h2 id="dev-${kind}-problems-title">${escapeHtml(heading)}</h2>`,
    `<p>${escapeHtml(text)} Only npm run dev shows it.</p>`,
    `<pre>${lines.map(escapeHtml).join("\n")}</pre>`,
    "</section>",
  ].join("");
}

const configSlot = linesSlot("vitrine.devConfigProblems");
/** Records the site config's problems at the last (re)start of `astro dev` (dev-site-config.ts), or none once it is valid. */
export const setConfigProblems = configSlot.set;
/** The site config's problems under `astro dev`, or undefined when it is valid (or outside `astro dev`). */
export const getConfigProblems = configSlot.get;

/**
 * The panel `astro dev` puts at the top of every page while `src/site.config.ts` has problems: their lines, as
 * `npm run validate` prints them, and that the pages are built with the last valid config. Like the data's
 * panel, no script and no style attribute.
 */
export function configProblemsPanel(lines: readonly string[]): string {
  return linesPanel(
    "config",
    "src/site.config.ts has problems",
    "This preview still uses the last valid site config: your last change is not in it. Fix the lines below and save: this panel goes once the config is valid.",
    lines,
  );
}

const dictionarySlot = linesSlot("vitrine.devDictionaryProblems");
/** Records the problems of the site's dictionaries (`i18n/`) at the last (re)start of `astro dev` (dev-site-i18n.ts), or none once they are valid. */
export const setDictionaryProblems = dictionarySlot.set;
/** The site's dictionaries' problems under `astro dev`, or undefined when they are valid (or outside `astro dev`). */
export const getDictionaryProblems = dictionarySlot.get;

/**
 * The panel `astro dev` puts at the top of every page while a dictionary of the site (`i18n/<tag>.json`) has
 * problems: their lines, as `npm run validate` prints them, and which words the pages use meanwhile.
 */
export function dictionaryProblemsPanel(lines: readonly string[]): string {
  return linesPanel(
    "dictionaries",
    "The site's dictionaries in i18n/ have problems",
    "This preview still uses their last valid words (Vitrine's own words where there were none): your last change is not in it. Fix the lines below and save: this panel goes once they are valid.",
    lines,
  );
}

/** `html` with `panels` right after its `<body>` tag (the page unchanged when it has none). */
export function withDevPanels(html: string, panels: string): string {
  return html.replace(/<body\b[^>]*>/i, (body) => `${body}${panels}`);
}

/** `html` with the panel of data/ and content/ problems right after its `<body>` tag. */
export function withDevProblemsPanel(html: string, problems: DevProblems): string {
  return withDevPanels(html, devProblemsPanel(problems));
}
