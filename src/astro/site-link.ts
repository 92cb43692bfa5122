import { href } from "./href.ts";
import type { PageI18n } from "./i18n.ts";

/**
 * Where a link written in MDX as a site path goes from a page: a page of the site (`/blocking/`, `/blog/x/#y`) in
 * the page's language, a file (`/data/requests.csv`, `/canary.txt`: a last segment with an extension) at its one
 * address, under the base path either way. Any other link (another site, `#anchor`, `mailto:`) is left as written.
 */
export function siteLink(i18n: Pick<PageI18n, "href">, target: string): string {
  if (!target.startsWith("/") || target.startsWith("//")) return target;
  const path = target.slice(1);
  const lastSegment =
    path
      .replace(/[?#].*$/, "")
      .split("/")
      .at(-1) ?? "";
  return lastSegment.includes(".") ? href(path) : i18n.href(path);
}
