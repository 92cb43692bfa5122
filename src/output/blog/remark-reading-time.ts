import { toString } from "mdast-util-to-string";
import type { Root } from "mdast";
import type { VFile } from "vfile";

/** Reading speed assumed for the estimate, in words per minute. */
export const WORDS_PER_MINUTE = 220;

/** Minutes to read `words` words: at least 1. */
export function minutesToRead(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** A remark plugin that adds `words` and `minutesRead` to the frontmatter Astro exposes as `remarkPluginFrontmatter`. */
export function remarkReadingTime() {
  return (tree: Root, file: VFile): void => {
    const words = toString(tree).split(/\s+/).filter(Boolean).length;
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    const frontmatter = data.astro?.frontmatter;
    if (!frontmatter) return;
    frontmatter["words"] = words;
    frontmatter["minutesRead"] = minutesToRead(words);
  };
}
