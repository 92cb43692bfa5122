import { isListed, postVisibility, publicationInstant, type PostVisibility } from "./blog/publication.ts";
import { relatedPosts } from "./blog/related-posts.ts";
import { collectTags, tagSlug, type Tag } from "./blog/tags.ts";
import type { Author, Page, Post } from "../contract/schemas/content.ts";
import { authorPath, pagePath, postPath, tagPath } from "./paths.ts";
import type { SiteConfig } from "../contract/site-config-schema.ts";
import type { ContentTranslation } from "../contract/schemas/content-translation.ts";
import { inLanguage, type ContentText } from "./content-language.ts";

/** A content file as the model reads it: its id (the file name), its frontmatter, and the records its body shows. */
export interface ContentItem<T> {
  id: string;
  data: T;
  /** Ids of the records the body shows with `<Record>` or `<Status>`. */
  mentions: readonly string[];
  /** Set when it is a translation (`<id>.<tag>.mdx`) of the item `translation.of`: its data is the original's with its words over it. */
  translation?: ContentTranslation | undefined;
}

/** A tag as a post shows it: its label in the page's language (see `Tag`), that label's language, and its page. */
export interface TagLink {
  slug: string;
  label: string;
  /** The label's language when it is a translation's (the page's); undefined for the main language's. */
  language: string | undefined;
  path: string;
}

/** An author, with the listed posts they wrote (newest first). */
export interface AuthorView {
  id: string;
  data: Author;
  path: string;
  posts: PostView[];
}

/** A listed post and what its page shows besides its body. */
export interface PostView {
  id: string;
  /** Its frontmatter in the page's language: a translation's words over the original's, or the original's. */
  data: Post;
  path: string;
  /** Which text the page shows (a translation, or the original with a notice) and its language. */
  text: ContentText;
  /** Published, or (under `astro dev` only) scheduled or a draft: its page then says so. */
  visibility: PostVisibility;
  /** Its authors, in the post's order; an unknown id is left out. */
  authors: AuthorView[];
  tags: TagLink[];
  /** Ids of the records it names in `related` or shows in its body, each once. */
  recordIds: string[];
  /** The most related other posts (shared tags and records), best first. */
  similar: PostView[];
  /** The next newer and older listed posts. */
  newer: PostView | undefined;
  older: PostView | undefined;
}

/** A tag with its posts, newest first. */
export interface TagView extends Tag {
  path: string;
  posts: PostView[];
}

/** A content page (`content/pages/<id>.mdx`). */
export interface PageView {
  id: string;
  data: Page;
  path: string;
  /** Which text the page shows (a translation, or the original with a notice) and its language. */
  text: ContentText;
}

/** The blog: listed posts newest first, tags, authors and pages. */
export interface BlogModel {
  posts: PostView[];
  /** Listed posts by the year of their date, newest year first. */
  byYear: [year: string, posts: PostView[]][];
  tags: TagView[];
  authors: AuthorView[];
  pages: PageView[];
}

/**
 * The blog part of the site model, in the language `site.language` (the originals are in `main`). Drafts and scheduled posts are listed only in development, where
 * their pages mark them; production lists published posts only. Posts are newest first by their
 * publication instant in the site's time zone, then by id. Records in `unlinked` (requests published as
 * "Other countries") are in no post's records and make no two posts similar.
 */
export function buildBlogModel(
  input: {
    posts: readonly ContentItem<Post>[];
    authors: readonly ContentItem<Author>[];
    pages: readonly ContentItem<Page>[];
  },
  site: Pick<SiteConfig, "timeZone" | "language">,
  now: Date,
  mode: "production" | "development",
  unlinked: ReadonlySet<string> = new Set(),
  main: string = site.language,
): BlogModel {
  const linkable = (ids: readonly string[]): string[] => ids.filter((id) => !unlinked.has(id));
  const instant = (post: ContentItem<Post>) => publicationInstant(post.data.date, site.timeZone).getTime();
  // Posts and pages in the page's language (`site.language`): translations are texts of their originals.
  const listed = inLanguage(input.posts, site.language, main)
    .map((post) => ({ post, visibility: postVisibility(post.data, now, site.timeZone) }))
    .filter(({ visibility }) => isListed(visibility, mode))
    .sort((a, b) => instant(b.post) - instant(a.post) || a.post.id.localeCompare(b.post.id));
  // Each tag labelled in the page's language where the posts' translations into it name it.
  const tags = collectTags(
    listed.map(({ post }) => ({ id: post.id, tags: post.data.tags, labels: post.text.tagLabels })),
    site.language,
  );
  const tagBySlug = new Map(tags.map((tag) => [tag.slug, tag]));
  const authors: AuthorView[] = input.authors.map((a) => ({
    id: a.id,
    data: a.data,
    path: authorPath(a.id),
    posts: [],
  }));
  const authorById = new Map(authors.map((a) => [a.id, a]));
  const posts: PostView[] = listed.map(({ post, visibility }) => ({
    id: post.id,
    data: post.data,
    path: postPath(post.id),
    text: post.text,
    visibility,
    authors: post.data.authors.flatMap((id) => authorById.get(id) ?? []),
    tags: post.data.tags.map((raw) => {
      const slug = tagSlug(raw);
      const tag = tagBySlug.get(slug);
      return { slug, label: tag?.label ?? raw, language: tag?.language, path: tagPath(slug) };
    }),
    // Its own `related` first, then every record it names or shows, sorted.
    recordIds: linkable([
      ...new Set([...post.data.related, ...[...new Set([...post.data.related, ...post.mentions])].sort()]),
    ]),
    similar: [],
    newer: undefined,
    older: undefined,
  }));
  const postById = new Map(posts.map((p) => [p.id, p]));
  const forRelations = posts.map((p) => ({
    id: p.id,
    date: p.data.date,
    tags: p.data.tags,
    related: linkable(p.data.related),
  }));
  posts.forEach((post, index) => {
    post.newer = posts[index - 1];
    post.older = posts[index + 1];
    post.similar = relatedPosts(forRelations[index]!, forRelations).flatMap((p) => postById.get(p.id) ?? []);
    for (const author of post.authors) author.posts.push(post);
  });
  return {
    posts,
    byYear: [...Map.groupBy(posts, (post) => post.data.date.slice(0, 4))],
    tags: tags.map((tag) => ({
      ...tag,
      path: tagPath(tag.slug),
      posts: tag.postIds.flatMap((id) => postById.get(id) ?? []),
    })),
    authors,
    pages: inLanguage(input.pages, site.language, main).map((page) => ({
      id: page.id,
      data: page.data,
      path: pagePath(page.id),
      text: page.text,
    })),
  };
}
