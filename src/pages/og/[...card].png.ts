import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { cacheDir } from "astro:config/server";
import { fileURLToPath } from "node:url";
import { cardCacheFolder, createCardCache } from "../../lib/cards/card-cache.ts";
import { cardFonts } from "../../lib/cards/card-fonts.ts";
import { cardRouteParam } from "../../lib/cards/card-paths.ts";
import { renderCardPng } from "../../lib/cards/card-render.ts";
import { siteCards } from "../../lib/cards/site-cards.ts";

/** One social card per page worth sharing, at the page's path under `og/`: `og/blocking/<id>.png`, `og/index.png` for home. */
export const getStaticPaths = (async () =>
  [...(await siteCards()).values()].map((card) => ({ params: { card: cardRouteParam(card.cardPath) }, props: { data: card.data } }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

// Astro's cache directory survives between builds; a card whose data did not change is not drawn again.
const cache = createCardCache(cardCacheFolder(fileURLToPath(cacheDir)), { render: renderCardPng, fontHashes: async () => (await cardFonts()).hashes });

export const GET: APIRoute<Props> = async ({ props }) =>
  // A copy into a plain Uint8Array: Response's BodyInit does not take Uint8Array<ArrayBufferLike>.
  new Response(new Uint8Array(await cache.png(props.data)), { headers: { "Content-Type": "image/png" } });
