/** A place to share a page: a label and a plain URL (no third-party script is ever loaded). */
export interface ShareLink {
  label: string;
  href: string;
}

/** Plain share URLs for a page: e-mail, Mastodon (any server, through Share₂Fedi), X, LinkedIn and Telegram. */
export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { label: "E-mail", href: `mailto:?subject=${t}&body=${u}` },
    { label: "Mastodon", href: `https://s2f.kytta.dev/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { label: "X", href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: "Telegram", href: `https://t.me/share/url?url=${u}&text=${t}` },
  ];
}
