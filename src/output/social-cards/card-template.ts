import { capitalise } from "../../format/labels.ts";
import type { CardData, CardFact, CardFigure } from "./card-data.ts";

/**
 * Version of the card design. It is part of every card's cache key: bump it whenever this template,
 * the fonts it asks for or the PNG renderer's settings change, so every card is drawn again.
 */
export const CARD_TEMPLATE_VERSION = "3";

/** Width of every card in pixels: 1200×630 is what Open Graph and X/Twitter show without cropping. */
export const CARD_WIDTH = 1200;
/** Height of every card in pixels. */
export const CARD_HEIGHT = 630;

/**
 * The Noto Sans subsets drawn from, in fallback order. Each is loaded as its own font family: satori
 * keeps only the first font of a given name and weight, so subsets sharing one name draw boxes (tofu)
 * for every letter outside the first subset.
 */
export const CARD_FONT_SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "greek-ext"] as const;
/** A subset of Noto Sans on the cards. */
export type CardFontSubset = (typeof CARD_FONT_SUBSETS)[number];
/** The font family name a subset is registered under. */
export const cardFontFamily = (subset: CardFontSubset): string => `Noto Sans ${subset}`;

/** A satori element: the same shape as a React element, without React. */
export interface CardElement {
  type: string;
  key: null;
  props: { style: CardStyle; children?: CardChild | CardChild[] };
}
/** A child of a card element: another element or text. */
export type CardChild = CardElement | string;
/** Inline CSS, as satori reads it. */
export type CardStyle = Record<string, string | number>;

type Tone = "danger" | "warning" | "success" | "neutral";

const INK = "#101828";
const MUTED = "#475467";
const RULE = "#e4e7ec";
const TONES: Record<Tone, { color: string; backgroundColor: string }> = {
  danger: { color: "#b42318", backgroundColor: "#fee4e2" },
  warning: { color: "#93370d", backgroundColor: "#fef0c7" },
  success: { color: "#067647", backgroundColor: "#dcfae6" },
  neutral: { color: "#344054", backgroundColor: "#f2f4f7" },
};
/** The colour of each kind's top bar and heading. */
const ACCENTS: Record<CardData["kind"], string> = {
  home: "#1849a9",
  report: "#1849a9",
  period: "#1849a9",
  country: "#067647",
  post: "#6941c6",
  blocking: "#b42318",
  incident: "#b54708",
  request: "#1849a9",
};
const STATUS_TONES: Record<Extract<CardData, { kind: "blocking" }>["status"], Tone> = {
  ongoing: "danger",
  partial: "warning",
  lifted: "success",
  unknown: "neutral",
};

/** Builds an element; `children` of more than one item need `display: flex`, which satori requires. */
function el(style: CardStyle, children?: CardChild | CardChild[]): CardElement {
  return { type: "div", key: null, props: children === undefined ? { style } : { style, children } };
}

/** A block of text cut to `lines` lines, ending in "…" when cut (satori's `lineClamp` needs `display: block`). */
function text(value: string, lines: number, style: CardStyle): CardElement {
  return el({ display: "block", lineClamp: lines, overflowWrap: "break-word", ...style }, value);
}

function badge(value: string, tone: Tone): CardElement {
  return el(
    {
      display: "flex",
      flexShrink: 0,
      padding: "6px 20px",
      borderRadius: 999,
      fontSize: 26,
      fontWeight: 700,
      ...TONES[tone],
    },
    value,
  );
}

/**
 * The width of the labels' column: 190 px, or wider for longer labels ("ДЛИТЕЛЬНОСТЬ", "SCHWEREGRAD"), at 18 px per
 * letter (upper case at 22 px with letter spacing, the widest Cyrillic letters included) and a gap before the values.
 */
const labelColumn = (pairs: readonly CardFact[]): number =>
  Math.max(190, ...pairs.map(({ label }) => label.length * 18 + 16));

/** Label and value pairs, one per line, each value cut to one line and capitalised. */
function facts(pairs: readonly CardFact[]): CardElement {
  const width = labelColumn(pairs);
  return el(
    { display: "flex", flexDirection: "column", gap: 6, marginTop: 24 },
    pairs.map(({ label: name, value }) =>
      el({ display: "flex", flexDirection: "row", alignItems: "baseline" }, [
        text(name, 1, {
          width,
          flexShrink: 0,
          fontSize: 22,
          color: MUTED,
          textTransform: "uppercase",
          letterSpacing: 1,
        }),
        text(capitalise(value), 1, { flexGrow: 1, flexShrink: 1, minWidth: 0, fontSize: 30, fontWeight: 700 }),
      ]),
    ),
  );
}

/** Big headline numbers in equal columns. */
function figures(items: readonly CardFigure[]): CardElement {
  return el(
    { display: "flex", flexDirection: "row", gap: 40, marginTop: 36 },
    items.map((figure) =>
      el({ display: "flex", flexDirection: "column", flexGrow: 1, flexBasis: 0, minWidth: 0 }, [
        // A number fits big; words such as "fewer than 3" (a protected small count) need a smaller size,
        // set on the same baseline.
        el({ display: "flex", alignItems: "flex-end", height: 80 }, [
          text(figure.value, 1, { fontSize: figure.value.length <= 7 ? 72 : 40, fontWeight: 700, lineHeight: 1.1 }),
        ]),
        text(figure.label, 1, { fontSize: 26, color: MUTED }),
        ...(figure.note ? [text(figure.note, 1, { fontSize: 22, color: MUTED })] : []),
      ]),
    ),
  );
}

/** Titles get smaller as they get longer, so most fit without being cut. */
function titleSize(title: string): number {
  if (title.length <= 40) return 68;
  if (title.length <= 80) return 58;
  return 50;
}

interface Frame {
  /** The small heading above the title; none on the home card, whose title is the site's name. */
  eyebrow?: string | undefined;
  badge?: { text: string; tone: Tone } | undefined;
  title: string;
  titleLines: number;
  subtitle?: string | undefined;
  body?: CardElement | undefined;
}

/** The frame shared by every card: accent bar, eyebrow and badge, title, subtitle, body, and the site's name at the foot. */
function frame(data: CardData, parts: Frame): CardElement {
  const accent = ACCENTS[data.kind];
  return el(
    {
      display: "flex",
      flexDirection: "column",
      boxSizing: "border-box",
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      backgroundColor: "#ffffff",
      color: INK,
      fontFamily: CARD_FONT_SUBSETS.map(cardFontFamily).join(", "),
    },
    [
      el({ display: "flex", height: 16, backgroundColor: accent }),
      el(
        {
          display: "flex",
          flexDirection: "column",
          flexGrow: 1,
          boxSizing: "border-box",
          padding: "44px 72px 40px",
          overflow: "hidden",
        },
        [
          el(
            {
              display: "flex",
              flexDirection: "row",
              alignItems: "center",
              justifyContent: "space-between",
              gap: 24,
              minHeight: 44,
            },
            [
              text(parts.eyebrow ?? "", 1, {
                fontSize: 26,
                fontWeight: 700,
                color: accent,
                textTransform: "uppercase",
                letterSpacing: 2,
                flexShrink: 1,
              }),
              ...(parts.badge ? [badge(parts.badge.text, parts.badge.tone)] : []),
            ],
          ),
          el(
            {
              display: "flex",
              flexDirection: "column",
              justifyContent: "center",
              flexGrow: 1,
              minHeight: 0,
              overflow: "hidden",
              paddingBottom: 16,
            },
            [
              text(parts.title, parts.titleLines, {
                fontSize: titleSize(parts.title),
                fontWeight: 700,
                lineHeight: 1.15,
              }),
              ...(parts.subtitle
                ? [text(parts.subtitle, 2, { fontSize: 30, color: MUTED, lineHeight: 1.3, marginTop: 18 })]
                : []),
              ...(parts.body ? [parts.body] : []),
            ],
          ),
          el(
            {
              display: "flex",
              flexDirection: "row",
              justifyContent: "space-between",
              alignItems: "center",
              gap: 24,
              borderTop: `2px solid ${RULE}`,
              paddingTop: 20,
            },
            [
              text(data.site.name, 1, { fontSize: 28, fontWeight: 700, flexShrink: 1 }),
              text(data.site.host, 1, { fontSize: 24, color: MUTED, flexShrink: 0 }),
            ],
          ),
        ],
      ),
    ],
  );
}

/** What a card says, before it is laid out: the frame's parts for each kind of card (its words come with its data). */
function parts(data: CardData): Frame {
  switch (data.kind) {
    case "home":
      return { title: data.title, titleLines: 2, subtitle: data.description, body: figures(data.figures) };
    case "report":
    case "period":
      return {
        eyebrow: data.eyebrow,
        title: data.title,
        titleLines: 2,
        subtitle: data.description,
        body: figures(data.figures),
      };
    case "country":
      return { eyebrow: data.eyebrow, title: data.title, titleLines: 2, body: figures(data.figures) };
    case "post":
      return {
        eyebrow: data.eyebrow,
        title: data.title,
        titleLines: 3,
        subtitle: data.description,
        body: text(data.byline, 1, { fontSize: 26, color: MUTED, marginTop: 24 }),
      };
    case "blocking":
      return {
        eyebrow: data.eyebrow,
        badge: { text: data.badge, tone: STATUS_TONES[data.status] },
        title: data.title,
        titleLines: 3,
        body: facts(data.facts),
      };
    case "incident":
      return {
        eyebrow: data.eyebrow,
        badge: { text: data.badge, tone: data.resolved ? "success" : "danger" },
        title: data.title,
        titleLines: 3,
        body: facts(data.facts),
      };
    case "request":
      return { eyebrow: data.eyebrow, title: data.title, titleLines: 3, body: facts(data.facts) };
  }
}

/** The card for `data` as a satori element tree, 1200×630. Pure: the same data always gives the same tree. */
export function cardElement(data: CardData): CardElement {
  return frame(data, parts(data));
}
