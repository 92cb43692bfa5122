/** What a BlogPosting needs to say about a post. */
export interface BlogPostingInput {
  title: string;
  description: string;
  url: string;
  /** Publication and update instants. */
  published: Date;
  modified?: Date | undefined;
  authors: { name: string; url: string }[];
  publisher: { name: string; url: string };
  image?: string | undefined;
  tags: string[];
  /** BCP 47 tag of the language the post is shown in: the page's (`ru` on `/ru/blog/x/`), as its `<html lang>`. */
  language: string;
}

/** The schema.org BlogPosting object for a post, ready for `<script type="application/ld+json">`. */
export function blogPostingJsonLd(post: BlogPostingInput): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: post.title,
    description: post.description,
    url: post.url,
    mainEntityOfPage: post.url,
    datePublished: post.published.toISOString(),
    dateModified: (post.modified ?? post.published).toISOString(),
    inLanguage: post.language,
    author: post.authors.map((a) => ({ "@type": "Person", name: a.name, url: a.url })),
    publisher: { "@type": "Organization", name: post.publisher.name, url: post.publisher.url },
    ...(post.image ? { image: post.image } : {}),
    ...(post.tags.length > 0 ? { keywords: post.tags.join(", ") } : {}),
  };
}

/** JSON for an inline `<script>`: `<` is escaped so the text can never close the element. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
