import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { cacheDir, srcDir } from "astro:config/server";
import { fileURLToPath } from "node:url";
import { cardCacheFolder, createCardCache } from "../../lib/cards/card-cache.ts";
import { cardFonts } from "../../lib/cards/card-fonts.ts";
import { cardRouteParam } from "../../lib/cards/card-paths.ts";
import { cardWorkerCount, renderMissingCards } from "../../lib/cards/card-pool.ts";
import { renderCardPng } from "../../lib/cards/card-render.ts";
import { siteCards } from "../../lib/cards/site-cards.ts";

/**
 * One social card per page worth sharing, at the page's path under `og/`: `og/blocking/<id>.png`,
 * `og/index.png` for home. `VITRINE_SKIP_SOCIAL_CARDS=1` builds none (pages still name their cards):
 * the bench uses it to time a build without cards.
 */
export const getStaticPaths = (async () => {
  if (process.env["VITRINE_SKIP_SOCIAL_CARDS"] === "1") return [];
  return [...(await siteCards()).values()].map((card) => ({
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
 * (one per core), so Astro, which builds one page at a time, then only copies PNGs from the cache.
 * Under `astro dev` each card is drawn when it is asked for.
 */
let prerendered: Promise<unknown> | undefined;
const prerenderMissingCards = async (): Promise<unknown> => {
  const workers = cardWorkerCount();
  if (import.meta.env.DEV || workers === 0) return undefined;
  return renderMissingCards(
    [...(await siteCards()).values()].map((card) => card.data),
    {
      folder,
      workerFile: new URL("lib/cards/card-worker.ts", srcDir),
      fontHashes: (await cardFonts()).hashes,
      workers,
    },
  );
};

export const GET: APIRoute<Props> = async ({ props }) => {
  await (prerendered ??= prerenderMissingCards());
  const png = await cache.png(props.data);
  // A view on the same bytes typed for Response (its BodyInit does not take Uint8Array<ArrayBufferLike>);
  // a PNG read from disk or drawn by resvg is never in shared memory. Not a copy: a build serves
  // thousands of cards, and copying each doubled the memory they churn through.
  return new Response(new Uint8Array(png.buffer as ArrayBuffer, png.byteOffset, png.byteLength), {
    headers: { "Content-Type": "image/png" },
  });
};
