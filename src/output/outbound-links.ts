/**
 * Whether a link leaves the site: an absolute `http:`/`https:` URL, or a protocol-relative `//host/…`,
 * on another origin than `siteUrl`. Site paths, fragments, `mailto:` and the like stay.
 */
export function isOutbound(target: string, siteUrl: string): boolean {
  if (!/^(https?:)?\/\//i.test(target.trim())) return false;
  try {
    return new URL(target.trim(), siteUrl).origin !== new URL(siteUrl).origin;
  } catch {
    return true;
  }
}

/**
 * The `rel` of a link: for an outbound link, the given tokens plus `noreferrer` (the other site is not
 * told which page, or that this site, sent the reader; it implies `noopener`); otherwise `rel` as given.
 */
export function outboundRel(target: string, siteUrl: string, rel?: string | null): string | undefined {
  const tokens = (rel ?? "").split(/\s+/).filter(Boolean);
  if (isOutbound(target, siteUrl) && !tokens.includes("noreferrer")) tokens.push("noreferrer");
  return tokens.length > 0 ? tokens.join(" ") : undefined;
}
