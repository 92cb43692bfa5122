import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { publicationInstant } from "../model/blog/publication.ts";
import { feedChannel } from "../output/feeds/feed-response.ts";
import { ATOM_NAMESPACE, feedText } from "../output/feeds/record-feed.ts";
import { localisedPath } from "../i18n/languages.ts";
import site from "../astro/site-config.ts";
import { pageI18n } from "../astro/i18n.ts";
import { getSite } from "../astro/site.ts";

// The blog feed in the language of its URL (`/ru/rss.xml`): every published post, newest first, with its full description.
export const GET: APIRoute = async (context) => {
  const i18n = pageI18n(context);
  const { posts } = (await getSite(context)).model.blog;
  return rss({
    title: i18n.t("layout.feedBlog", { site: site.name }),
    description: i18n.t("feeds.blog.description", { organisation: site.organisation.name }),
    trailingSlash: true,
    xmlns: { atom: ATOM_NAMESPACE },
    ...feedChannel(i18n.language, "rss.xml"),
    items: posts.map((post) => ({
      title: post.data.title,
      link: localisedPath(i18n.language, post.path),
      description: feedText(post.data.description),
      pubDate: publicationInstant(post.data.date, site.timeZone),
      categories: post.tags.map((tag) => tag.label),
      ...(post.data.updated
        ? {
            customData: `<atom:updated>${publicationInstant(post.data.updated, site.timeZone).toISOString()}</atom:updated>`,
          }
        : {}),
    })),
  });
};
