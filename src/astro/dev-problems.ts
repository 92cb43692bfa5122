/**
 * The problems `astro dev` found in data/ and content/ at its last read, shown on every page it serves
 * (`dev-problems-middleware.ts`). The content loader and the middleware are loaded apart (the loader with
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

/** `html` with the panel right after its `<body>` tag (the page unchanged when it has none). */
export function withDevProblemsPanel(html: string, problems: DevProblems): string {
  return html.replace(/<body\b[^>]*>/i, (body) => `${body}${devProblemsPanel(problems)}`);
}
