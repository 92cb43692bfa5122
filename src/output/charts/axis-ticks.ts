import { scaleLinear, type ScaleLinear } from "d3-scale";
import { round1, type TextLabel, type Tick } from "./chart-layout.ts";
import { formatCount } from "./chart-text.ts";

/**
 * Average advance of a character in ems for system sans-serif faces. Digits are about 0.55 em and
 * most capitals up to 0.72 em, so 0.6 errs wide for labels like "2024 H1" and names; a few glyphs
 * (%, M, W, m, w, @) are nearly 1 em.
 */
const CHAR_EM = 0.6;
const WIDE_CHAR_EM = 0.95;
const WIDE = /[%@MWmw\u2014]/;

/** Estimated width of `text` set at `fontSize`, in the same units; errs wide so labels spaced by it do not touch. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += WIDE.test(char) ? WIDE_CHAR_EM : CHAR_EM;
  return ems * fontSize;
}

const GRAPHEMES = new Intl.Segmenter("en", { granularity: "grapheme" });
const ELLIPSIS = "…";
const WHITE_SPACE = /^\s+$/;

/**
 * Shortens `text` with an ellipsis so its estimated width at `fontSize` stays within `width`
 * (text that fits is returned as it is; at least one character is kept before the ellipsis).
 * It cuts between user-perceived characters (an emoji, a flag or a letter with its accents is never
 * split) and reads only the start of `text` that can fit, so its cost does not grow with the text's length.
 * With `wholeWords`, it cuts after the last whole word that fits (and mid-word only when not even the
 * first word fits), so the shown words are words of the full text: a link showing them can be named by
 * the full text and still contain its visible label (WCAG 2.5.3).
 */
export function fitText(text: string, width: number, fontSize: number, { wholeWords = false } = {}): string {
  // Every code point is at least CHAR_EM wide, so no more than `limit` of them fit, and a string of more
  // than 2 × limit UTF-16 units has more than `limit` code points.
  const limit = Math.max(0, Math.floor(width / (CHAR_EM * fontSize))) + 1;
  if (text.length <= 2 * limit && estimateTextWidth(text, fontSize) <= width) return text;
  const head = text.slice(0, 2 * limit + 8);
  const segments = [...GRAPHEMES.segment(head)].map((s) => s.segment);
  // Keep all characters but one at most (all of them fit only when the text itself fits), one at least.
  const most = head.length === text.length ? Math.max(1, segments.length - 1) : Number.POSITIVE_INFINITY;
  const room = width - estimateTextWidth(ELLIPSIS, fontSize);
  let end = 0; // end of the characters seen so far
  let used = 0; // and their width
  let solid = { end: 0, width: 0 }; // end and width of what they are without trailing white space
  let kept: number | undefined; // end of the longest cut that fits, white space trimmed
  let word: number | undefined; // end of the longest cut that fits and ends a word
  for (const [index, segment] of segments.entries()) {
    if (WHITE_SPACE.test(segment) && index > 0) word = solid.end;
    if (index >= most) break;
    end += segment.length;
    used += estimateTextWidth(segment, fontSize);
    const next = WHITE_SPACE.test(segment) ? solid : { end, width: used };
    if (next.width > room && index > 0) break;
    solid = next;
    kept = solid.end;
    if (next.width > room) break;
  }
  return `${head.slice(0, wholeWords && word !== undefined ? word : (kept ?? 0))}${ELLIPSIS}`;
}

/**
 * Label every k-th band: the smallest k ≥ 1 for which k band steps hold the widest label plus
 * `minGap`. Returns 1 for a single band or a step that is not a positive finite number.
 */
export function labelEvery(step: number, labelWidth: number, minGap: number): number {
  if (!Number.isFinite(step) || step <= 0) return 1;
  return Math.max(1, Math.ceil((labelWidth + minGap) / step));
}

/**
 * Horizontal axis labels for evenly spaced bands, thinned so none collide: every k-th label counted
 * back from the last, so the most recent period is always labelled. Labels are kept inside
 * `bounds` (the viewBox's x extent); a label that would then touch the one after it is dropped.
 */
export function bandLabels(
  bands: readonly { center: number; text: string }[],
  y: number,
  fontSize: number,
  minGap: number,
  bounds: readonly [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
): TextLabel[] {
  const first = bands[0];
  const second = bands[1];
  const step = first && second ? second.center - first.center : Number.POSITIVE_INFINITY;
  const widest = Math.max(0, ...bands.map((band) => estimateTextWidth(band.text, fontSize)));
  const every = labelEvery(step, widest, minGap);
  const last = bands.length - 1;
  const placed = bands
    .filter((_, index) => (last - index) % every === 0)
    .map((band) => {
      const half = estimateTextWidth(band.text, fontSize) / 2;
      return { x: Math.min(Math.max(band.center, bounds[0] + half), bounds[1] - half), half, text: band.text };
    });
  // Clamping can push an edge label into its neighbour: keep labels from the last one back, skipping any that would touch.
  const kept: typeof placed = [];
  for (const label of placed.toReversed()) {
    const right = kept.at(-1);
    if (!right || right.x - label.x >= right.half + label.half + minGap) kept.push(label);
  }
  return kept
    .toReversed()
    .map((label): TextLabel => ({ x: round1(label.x), y: round1(y), text: label.text, anchor: "middle" }));
}

/**
 * Axis labels for bands that each belong to a year (half-years, years), at regular places: each
 * band's own label when they all fit (`bandLabels`), else years alone, centred under each year's
 * bands, at the finest of d3's nice steps (every 1, 2, 5, 10… years, on multiples of the step) whose
 * labels do not touch. So a phone reads "2018 2020 2022 2024", never "2017 H2 2019 H2 … 2025 H2" with a gap.
 */
export function yearLabels(
  bands: readonly { center: number; text: string; year: number }[],
  y: number,
  fontSize: number,
  minGap: number,
  bounds: readonly [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
): TextLabel[] {
  const own = bandLabels(bands, y, fontSize, minGap, bounds);
  if (own.length === bands.length) return own;
  const spans = new Map<number, [number, number]>();
  for (const { year, center } of bands) {
    const [lo, hi] = spans.get(year) ?? [center, center];
    spans.set(year, [Math.min(lo, center), Math.max(hi, center)]);
  }
  const years = [...spans.keys()].sort((a, b) => a - b);
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) return [];
  const place = (year: number): { x: number; half: number; text: string } => {
    const [lo, hi] = spans.get(year) ?? [0, 0];
    const text = String(year);
    const half = estimateTextWidth(text, fontSize) / 2;
    return { x: Math.min(Math.max((lo + hi) / 2, bounds[0] + half), bounds[1] - half), half, text };
  };
  for (let count = years.length; count >= 1; count -= 1) {
    const shown = scaleLinear()
      .domain([first, last])
      .ticks(count)
      .filter((year) => Number.isInteger(year) && spans.has(year))
      .map(place);
    const apart = shown.every((label, i) => {
      const before = shown[i - 1];
      return !before || label.x - before.x >= label.half + before.half + minGap;
    });
    if (apart || shown.length <= 1)
      return shown.map((label): TextLabel => ({
        x: round1(label.x),
        y: round1(y),
        text: label.text,
        anchor: "middle",
      }));
  }
  return [];
}

/**
 * Ticks for a count axis: d3's nice tick values within the domain, whole numbers only (there is no
 * half request), labelled in `locale`.
 */
export function countTicks(scale: ScaleLinear<number, number>, locale: string, count = 5): Tick[] {
  return scale
    .ticks(count)
    .filter((value) => Number.isInteger(value))
    .map((value): Tick => ({ value, position: round1(scale(value)), text: formatCount(value, locale) }));
}

/** Labels for vertical-axis ticks: right-aligned at `x`, centred on each tick (baseline a third of an em below it). */
export function tickLabels(ticks: readonly Tick[], x: number, fontSize: number): TextLabel[] {
  return ticks.map((tick): TextLabel => ({
    x,
    y: round1(tick.position + fontSize * 0.35),
    text: tick.text,
    anchor: "end",
  }));
}
