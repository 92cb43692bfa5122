import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { CARD_FONT_SUBSETS, cardFontFamily, type CardFontSubset } from "./card-template.ts";

/** A font as satori takes it. */
export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: "normal";
}

/** The fonts of the cards and the sha256 of each file (part of every card's cache key). */
export interface CardFonts {
  fonts: CardFont[];
  hashes: string[];
}

const WEIGHTS = [400, 700] as const;
const require = createRequire(import.meta.url);

/** The npm path of one Noto Sans file, e.g. `@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff`. */
export const fontFile = (subset: CardFontSubset, weight: 400 | 700): string =>
  `@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`;

/** Reads the given subsets of Noto Sans (regular and bold, woff) from node_modules; never fetches anything. */
export async function readCardFonts(subsets: readonly CardFontSubset[] = CARD_FONT_SUBSETS): Promise<CardFonts> {
  const files = subsets.flatMap((subset) => WEIGHTS.map((weight) => ({ subset, weight })));
  const fonts = await Promise.all(
    files.map(async ({ subset, weight }): Promise<CardFont> => ({
      name: cardFontFamily(subset),
      data: await readFile(require.resolve(fontFile(subset, weight))),
      weight,
      style: "normal",
    })),
  );
  return { fonts, hashes: fonts.map((font) => createHash("sha256").update(font.data).digest("hex")) };
}

let loaded: Promise<CardFonts> | undefined;

/**
 * The cards' fonts, read from disk once per process (a build renders every card in one process) and
 * shared, so satori also parses each font only once: it caches parsed fonts by their buffer.
 */
export function cardFonts(): Promise<CardFonts> {
  loaded ??= readCardFonts();
  return loaded;
}
