import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Every HTML file under `dist`. */
export function htmlFiles(dist: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith(".html")) found.push(file);
    }
  };
  walk(dist);
  return found;
}

/** Undoes the character references Astro writes in attribute values. */
function decodeAttribute(value: string): string {
  return value.replace(
    /&(amp|quot|#39|lt|gt);/g,
    (_, name: string) => ({ amp: "&", quot: '"', "#39": "'", lt: "<", gt: ">" })[name] ?? "",
  );
}

/** The ids of the elements of a page, which `#fragment` links can point to. */
function elementIds(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => decodeAttribute(match[1] ?? "")));
}

/**
 * Internal links (href/src starting with "/") in the built pages that do not resolve to a file in
 * `dist`, or that leave the base path, and `#fragment` links (`href="#id"` on the same page, or
 * `href="/path/#id"`) whose target page has no element with that id. Returns "page → link" strings;
 * empty when all resolve. `checked` counts links and fragments checked.
 */
export function brokenInternalLinks(dist: string, base = "/"): { broken: string[]; checked: number } {
  const broken: string[] = [];
  let checked = 0;
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idsByFile.get(file);
    if (!ids) idsByFile.set(file, (ids = elementIds(readFileSync(file, "utf8"))));
    return ids;
  };
  // An empty fragment and "#top" scroll to the top of any page (HTML's "indicated part of the document").
  const fragmentFound = (file: string, fragment: string): boolean => {
    if (fragment === "" || fragment === "top") return true;
    try {
      return idsOf(file).has(decodeURIComponent(fragment));
    } catch {
      return false; // not valid percent-encoding
    }
  };

  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf8");
    const page = path.relative(dist, file);
    for (const match of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)([^"]*)"/g)) {
      const link = match[1] ?? "";
      const rest = decodeAttribute(match[2] ?? "");
      checked++;
      if (!link.startsWith(base)) {
        broken.push(`${page} → ${link} (outside ${base})`);
        continue;
      }
      const target = path.join(dist, link.slice(base.length));
      const targetFile =
        existsSync(target) && statSync(target).isFile()
          ? target
          : existsSync(path.join(target, "index.html"))
            ? path.join(target, "index.html")
            : undefined;
      if (!targetFile) {
        broken.push(`${page} → ${link}`);
        continue;
      }
      const hash = rest.indexOf("#");
      if (hash >= 0 && targetFile.endsWith(".html")) {
        checked++;
        const fragment = rest.slice(hash + 1);
        if (!fragmentFound(targetFile, fragment))
          broken.push(`${page} → ${link}#${fragment} (no element with id "${fragment}" there)`);
      }
    }
    for (const match of html.matchAll(/\shref="#([^"]*)"/g)) {
      const fragment = decodeAttribute(match[1] ?? "");
      checked++;
      if (!fragmentFound(file, fragment))
        broken.push(`${page} → #${fragment} (no element with id "${fragment}" on the page)`);
    }
  }
  return { broken, checked };
}

/** Site paths of every page the built site's sitemaps (`sitemap-N.xml` in `dist`) list, as `/path/`. */
export function sitemapPaths(dist: string): string[] {
  return readdirSync(dist)
    .filter((name) => /^sitemap-\d+\.xml$/.test(name))
    .flatMap((name) =>
      [...readFileSync(path.join(dist, name), "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map(
        ([, loc = ""]) => new URL(loc).pathname,
      ),
    );
}
