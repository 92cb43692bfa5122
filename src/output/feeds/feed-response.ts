import rss from "@astrojs/rss";
import site from "../../astro/site-config.ts";
import { localisedPath, type Language } from "../../i18n/languages.ts";
import { ATOM_NAMESPACE, toRssItems, type RecordFeedItem } from "./record-feed.ts";
import { withBase } from "../../model/paths.ts";

/**
 * The channel elements every feed of the site has in `language`: its `<language>` and its self link, the feed
 * at `feedPath` (site-relative, without the language's segment) under the language's segment.
 */
export function feedChannel(language: Language, feedPath: string): { site: string; customData: string } {
  const base = withBase(import.meta.env.BASE_URL, "");
  const self = new URL(withBase(base, localisedPath(language, feedPath)), site.url).href;
  return {
    site: new URL(base, site.url).href,
    customData: `<language>${language.tag}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
  };
}

/**
 * Renders an RSS 2.0 feed of records in `language`: at `feedPath` (site-relative, without the language's segment)
 * under the language's segment, with a self link, the site's base path and items that link to the pages in that
 * language (`/ru/blocking/x/` in the Russian feed).
 */
export function recordFeed(options: {
  language: Language;
  title: string;
  description: string;
  feedPath: string;
  items: readonly RecordFeedItem[];
}): Promise<Response> {
  const { language } = options;
  return rss({
    title: options.title,
    description: options.description,
    trailingSlash: true,
    xmlns: { atom: ATOM_NAMESPACE },
    ...feedChannel(language, options.feedPath),
    items: toRssItems(options.items.map((item) => ({ ...item, path: localisedPath(language, item.path) }))),
  });
}
