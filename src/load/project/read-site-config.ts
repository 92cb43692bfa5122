import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { SiteConfig } from "../../contract/site-config-schema.ts";

/** Where a project's site config is, from its root folder. */
export const SITE_CONFIG_FILE = "src/site.config.ts";

/**
 * Loads `src/site.config.ts` of the project in `root`: the config, or the message of its error (neither when
 * there is no file). `fresh` reads the file as it is now: Node keeps a module it has imported, so a second
 * plain import in the same process (astro dev's restart) would give the config as it was.
 */
export async function readSiteConfig(
  root: string,
  { fresh = false } = {},
): Promise<{ config?: SiteConfig; error?: string }> {
  const file = path.join(root, SITE_CONFIG_FILE);
  if (!existsSync(file)) return {};
  const url = pathToFileURL(file).href + (fresh ? `?t=${Date.now()}` : "");
  try {
    return { config: ((await import(/* @vite-ignore */ url)) as { default: SiteConfig }).default };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
