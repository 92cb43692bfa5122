/** A place to share a page: a label and a plain URL (no third-party script is ever loaded). */
export interface ShareLink {
  label: string;
  href: string;
}

/**
 * Plain share URLs for a page: e-mail, Mastodon (any server, through Share₂Fedi), X, LinkedIn and Telegram. The
 * services' names are names in every language; `emailLabel` is the page's word for e-mail ("E-mail" by default).
 */
export function shareLinks(url: string, title: string, emailLabel = "E-mail"): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { label: emailLabel, href: `mailto:?subject=${t}&body=${u}` },
    { label: "Mastodon", href: `https://s2f.kytta.dev/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { label: "X", href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: "Telegram", href: `https://t.me/share/url?url=${u}&text=${t}` },
  ];
}
