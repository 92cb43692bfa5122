import { readFile } from "node:fs/promises";
import path from "node:path";

/** A repository on GitHub. */
export interface GitHubRepository {
  owner: string;
  repo: string;
}

/** The `url` of `[remote "origin"]` in a git config file's text, or undefined. */
export function originUrl(gitConfig: string): string | undefined {
  let inOrigin = false;
  for (const line of gitConfig.split(/\r?\n/)) {
    const section = /^\s*\[\s*([^\]]+?)\s*\]/.exec(line);
    if (section) inOrigin = /^remote\s+"origin"$/.test(section[1] ?? "");
    const url = inOrigin ? /^\s*url\s*=\s*(.+?)\s*$/i.exec(line) : null;
    if (url) return url[1];
  }
  return undefined;
}

/** Owner and name of a GitHub remote (`git@github.com:o/r.git`, `https://github.com/o/r`, `ssh://…`), or undefined. */
export function gitHubRepository(url: string): GitHubRepository | undefined {
  const match = /github\.com[:/]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/i.exec(url);
  return match?.[1] && match[2] ? { owner: match[1], repo: match[2] } : undefined;
}

/** The GitHub repository that the site's git remote `origin` names (from `.git/config`), or undefined without one. */
export async function originRepository(root: string): Promise<GitHubRepository | undefined> {
  const text = await readFile(path.join(root, ".git/config"), "utf8").catch(() => undefined);
  const url = text === undefined ? undefined : originUrl(text);
  return url === undefined ? undefined : gitHubRepository(url);
}
