import rss from "@astrojs/rss";
import site from "../../astro/site-config.ts";
import { ATOM_NAMESPACE, toRssItems, type RecordFeedItem } from "./record-feed.ts";
import { withBase } from "../../model/paths.ts";

/** Renders an RSS 2.0 feed of records at `feedPath` (site-relative), with a self link and the site's base path. */
export function recordFeed(options: {
  title: string;
  description: string;
  feedPath: string;
  items: readonly RecordFeedItem[];
}): Promise<Response> {
  const base = withBase(import.meta.env.BASE_URL, "");
  const self = new URL(withBase(base, options.feedPath), site.url).href;
  return rss({
    title: options.title,
    description: options.description,
    site: new URL(base, site.url).href,
    trailingSlash: true,
    xmlns: { atom: ATOM_NAMESPACE },
    customData: `<language>${site.language}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    items: toRssItems(options.items),
  });
}
