import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { SiteConfig } from "../../contract/site-config-schema.ts";

/** Loads `src/site.config.ts` of the project in `root`: the config, or the message of its error (neither when there is no file). */
export async function readSiteConfig(root: string): Promise<{ config?: SiteConfig; error?: string }> {
  const file = path.join(root, "src/site.config.ts");
  if (!existsSync(file)) return {};
  try {
    return { config: ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: SiteConfig }).default };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
