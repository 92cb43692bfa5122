/** A heading as Astro reports it from a rendered post. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** An entry of the table of contents, with the subheadings under it. */
export interface TocEntry extends Heading {
  children: TocEntry[];
}

/** Headings that are not part of the text (the GFM footnotes section). */
const GENERATED = new Set(["footnote-label"]);

/** The headings worth listing: levels 2 and 3 of the text itself. */
export function tocHeadings(headings: readonly Heading[]): Heading[] {
  return headings.filter((h) => h.depth >= 2 && h.depth <= 3 && !GENERATED.has(h.slug));
}

/** A table of contents is shown when a post has at least this many headings. */
export const TOC_MIN_HEADINGS = 3;

/** Nests level-3 headings under the level-2 heading before them; a leading level 3 stays at the top. Empty below 3 headings. */
export function buildToc(headings: readonly Heading[]): TocEntry[] {
  const listed = tocHeadings(headings);
  if (listed.length < TOC_MIN_HEADINGS) return [];
  const toc: TocEntry[] = [];
  for (const heading of listed) {
    const entry: TocEntry = { ...heading, children: [] };
    const parent = toc.at(-1);
    if (heading.depth === 3 && parent && parent.depth === 2) parent.children.push(entry);
    else toc.push(entry);
  }
  return toc;
}
