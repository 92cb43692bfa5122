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

/**
 * Internal links (href/src starting with "/") in the built pages that do not resolve to a file in
 * `dist`, or that leave the base path. Returns "page → link" strings; empty when all resolve.
 */
export function brokenInternalLinks(dist: string, base = "/"): { broken: string[]; checked: number } {
  const broken: string[] = [];
  let checked = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf8");
    for (const match of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)[^"]*"/g)) {
      const link = match[1] ?? "";
      checked++;
      const page = path.relative(dist, file);
      if (!link.startsWith(base)) {
        broken.push(`${page} → ${link} (outside ${base})`);
        continue;
      }
      const target = path.join(dist, link.slice(base.length));
      const ok = (existsSync(target) && statSync(target).isFile()) || existsSync(path.join(target, "index.html"));
      if (!ok) broken.push(`${page} → ${link}`);
    }
  }
  return { broken, checked };
}
