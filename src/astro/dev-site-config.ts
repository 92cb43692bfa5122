import type { AstroIntegrationLogger } from "astro";
import type { SiteConfig } from "../contract/site-config-schema.ts";
import { readSiteConfig, SITE_CONFIG_FILE } from "../load/project/read-site-config.ts";
import { setConfigProblems } from "./dev-problems.ts";
import { missingSiteFiles } from "./overrides.ts";

const LAST_VALID = Symbol.for("vitrine.devSiteConfig");
type Slot = { [LAST_VALID]?: SiteConfig | undefined };

/** The problem lines of a site config that could not be loaded: its key lines, or the one error of a file that does not run. */
function problemLines(error: string): string[] {
  const [first = "", ...rest] = error.split("\n");
  return /^The site configuration is invalid:?$/.test(first) ? rest : [`${SITE_CONFIG_FILE}: ${error}`];
}

/**
 * The site config `astro dev` (re)starts with. Astro restarts when `src/site.config.ts` changes (the integration
 * watches it), but Node gives astro.config.mjs the config module it imported first, so this reads the file
 * again as it is now. A valid config is used, and kept as the last valid one; with an invalid one (or one
 * naming a missing file), the server goes on with the last valid config of this process (`imported` at first),
 * logs the problems and shows them on every page (dev-problems.ts) until the file is fixed.
 */
export async function devSiteConfig(
  root: string,
  imported: SiteConfig,
  logger: AstroIntegrationLogger,
): Promise<SiteConfig> {
  const slot = globalThis as Slot;
  const { config, error } = await readSiteConfig(root, { fresh: true });
  const problems = error !== undefined ? problemLines(error) : config ? missingSiteFiles(config, root) : [];
  if (problems.length === 0) {
    const valid = config ?? imported;
    slot[LAST_VALID] = valid;
    setConfigProblems(undefined);
    return valid;
  }
  const last = slot[LAST_VALID] ?? imported;
  setConfigProblems(problems);
  logger.error(
    `${SITE_CONFIG_FILE} has problems; the preview goes on with the last valid site config until they are fixed:\n${problems.join("\n")}`,
  );
  return last;
}
