import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import type { CardData } from "./card-data.ts";
import { cardFonts, type CardFonts } from "./card-fonts.ts";
import { CARD_HEIGHT, CARD_WIDTH, cardElement } from "./card-template.ts";

/** Options of `cardSvg`, for tests: other fonts, or text kept as `<text>` instead of glyph outlines. */
export interface CardSvgOptions {
  fonts?: CardFonts;
  /** False keeps text as `<text>` elements (readable in tests); cards are drawn with outlines (true). */
  embedFont?: boolean;
}

/** Lays out and draws the card for `data` as SVG with satori. Text becomes glyph outlines, so the SVG needs no font. */
export async function cardSvg(data: CardData, options: CardSvgOptions = {}): Promise<string> {
  const { fonts } = options.fonts ?? (await cardFonts());
  return satori(cardElement(data), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
    embedFont: options.embedFont ?? true,
  });
}

/**
 * Rasterises a card's SVG to PNG with resvg. System fonts are not loaded: the SVG has no text left,
 * and scanning them would only cost time.
 */
export function svgToPng(svg: string): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: "width", value: CARD_WIDTH }, font: { loadSystemFonts: false } })
    .render()
    .asPng();
}

/** The card for `data` as a 1200×630 PNG. */
export async function renderCardPng(data: CardData): Promise<Uint8Array> {
  return svgToPng(await cardSvg(data));
}
