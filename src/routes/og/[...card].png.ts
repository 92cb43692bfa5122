import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { cacheDir } from "astro:config/server";
import { fileURLToPath } from "node:url";
import {
  buildCardCounts,
  cardCacheFolder,
  createCardCache,
  formatCardCounts,
  formatCardPoolTimes,
  pruneCardCache,
} from "../../output/social-cards/card-cache.ts";
import { cardFonts } from "../../output/social-cards/card-fonts.ts";
import { cardRouteParam } from "../../output/social-cards/card-paths.ts";
import { cardWorkerCount, renderMissingCards } from "../../output/social-cards/card-pool.ts";
import { renderCardPng } from "../../output/social-cards/card-render.ts";
import site from "../../astro/site-config.ts";
import { getSite } from "../../astro/site.ts";
import { languageOfRoute, languages, mainLanguage } from "../../astro/i18n.ts";
import type { CardEntry } from "../../output/social-cards/card-data.ts";
import { cardLanguage } from "../../output/social-cards/card-language.ts";
import type { Language } from "../../i18n/languages.ts";

/**
 * The language a language's cards are drawn in (the config's `socialCardLanguages`), said once per build for each
 * that falls back because it is written right to left.
 */
const fellBack = new Set<string>();
function drawnIn(language: Language): Language {
  const { language: drawn, note } = cardLanguage(language, mainLanguage, site.socialCardLanguages === "main");
  if (note && !fellBack.has(language.tag)) {
    fellBack.add(language.tag);
    console.info(`[vitrine] ${note}`);
  }
  return drawn;
}

/** The cards of one language's pages: in its words, or the main language's where its cards cannot be drawn. */
async function cardsOf(language: Language): Promise<CardEntry[]> {
  return (await getSite(drawnIn(language))).routes.cards;
}

/**
 * One social card per page that has one in the route table, at the page's path under `og/` and the language's
 * segment: `og/blocking/<id>.png`, `ru/og/blocking/<id>.png`, `og/index.png` for home; each in the page's
 * language (`cardLanguage`). `VITRINE_SKIP_SOCIAL_CARDS=1` builds none (pages still name their cards): the bench
 * uses it to time a build without cards.
 */
export const getStaticPaths = (async (options) => {
  if (process.env["VITRINE_SKIP_SOCIAL_CARDS"] === "1") return [];
  return (await cardsOf(languageOfRoute(options.routePattern))).map((card) => ({
    params: { card: cardRouteParam(card.cardPath) },
    props: { data: card.data },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

// Astro's cache directory survives between builds; a card whose data did not change is not drawn again.
const folder = cardCacheFolder(fileURLToPath(cacheDir));
const cache = createCardCache(folder, { render: renderCardPng, fontHashes: async () => (await cardFonts()).hashes });

/**
 * In a build, the first card served first draws every card missing from the cache in worker processes
 * (one per core), so Astro only copies PNGs from the cache. Under `astro dev` each card is drawn when
 * it is asked for.
 */
let prerendered: ReturnType<typeof prerenderMissingCards> | undefined;
async function prerenderMissingCards() {
  const workers = cardWorkerCount();
  if (import.meta.env.DEV || workers === 0) return undefined;
  const cards = (await allCards()).map((card) => card.data);
  // A cold build draws cards for a minute or more before the first page is written: say how far it is.
  // The first line starts a line of its own: Astro has printed the path of the card it waits for.
  let first = true;
  const log = (line: string): void => {
    console.info(`${first ? "\n" : ""}[vitrine] ${line}`);
    first = false;
  };
  return renderMissingCards(cards, { folder, fontHashes: (await cardFonts()).hashes, workers, log });
}

/**
 * Once the build has served its last card: one line on what the cards cost (`social cards: 3 rendered,
 * 131 from cache`, cards the pool drew counting as rendered), one on the pool, and the cached cards no
 * page uses any more removed (a card whose data changed leaves its old PNG behind otherwise).
 */
async function reportCards(): Promise<void> {
  const pool = await prerendered;
  const counts = buildCardCounts(cache.counts(), pool?.keys);
  console.info(`[vitrine] ${formatCardCounts(counts)}`);
  if (pool) console.info(`[vitrine] ${formatCardPoolTimes(pool)}`);
  await pruneCardCache(folder, counts.keys);
}

let served = 0;

/**
 * The cards of every language of the site: the pool draws them all at once (a card that reads the same in two
 * languages, once), and the last one served reports.
 */
async function allCards(): Promise<CardEntry[]> {
  if (process.env["VITRINE_SKIP_SOCIAL_CARDS"] === "1") return [];
  return (await Promise.all(languages.map(cardsOf))).flat();
}

export const GET: APIRoute<Props> = async ({ props }) => {
  await (prerendered ??= prerenderMissingCards());
  const png = await cache.png(props.data);
  if (!import.meta.env.DEV && ++served === (await allCards()).length) await reportCards();
  // A view on the same bytes typed for Response (its BodyInit does not take Uint8Array<ArrayBufferLike>);
  // a PNG read from disk or drawn by resvg is never in shared memory. Not a copy: a build serves
  // thousands of cards, and copying each doubled the memory they churn through.
  return new Response(new Uint8Array(png.buffer as ArrayBuffer, png.byteOffset, png.byteLength), {
    headers: { "Content-Type": "image/png" },
  });
};
