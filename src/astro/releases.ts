import { publishedReleases, type PublishedRelease } from "../release/published-releases.ts";

let cached: Promise<PublishedRelease[]> | undefined;

/**
 * The site's dataset releases with their files, oldest first, read once per build (afresh for each
 * request under `astro dev`, where a new release may be made while the server runs).
 */
export function getReleases(): Promise<PublishedRelease[]> {
  // process.cwd() is the project root in both `astro dev` and `astro build` (endpoints are bundled).
  if (import.meta.env.DEV) return publishedReleases(process.cwd());
  cached ??= publishedReleases(process.cwd());
  return cached;
}
