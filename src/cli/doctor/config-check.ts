import type { SiteConfig } from "../../contract/site-config-schema.ts";
import type { CheckLine } from "./check-line.ts";

/** The site config file, relative to the site's folder. */
export const SITE_CONFIG_FILE = "src/site.config.ts";

/**
 * Host names reserved for examples and tests (RFC 2606, RFC 6761): a `url` on one of them is still the
 * placeholder of a new site (`https://transparency.example.org`), never a real address.
 */
const RESERVED_HOST = /(?:^|\.)(?:example(?:\.com|\.net|\.org)?|test|invalid|localhost)$/i;

/** What reading `src/site.config.ts` gave: the config, its error, or neither when there is no file. */
export interface ConfigRead {
  config?: SiteConfig;
  error?: string;
}

/** What to do about a config that does not load: a bad key, a package not installed yet, or an error in the file. */
function configFix(error: string): string {
  if (error.startsWith("The site configuration is invalid"))
    return `correct the keys named above in ${SITE_CONFIG_FILE}; each key is documented in vitrine's site config schema`;
  if (/Cannot find (?:package|module)|Failed to (?:load|resolve)/i.test(error))
    return "run npm install in the site's folder: the config imports a package that is not installed";
  return `correct ${SITE_CONFIG_FILE}: it must load with Node as it is`;
}

/** Lines about the site config: that it exists and parses, then that `url` is a real https address. */
export function configCheck(read: ConfigRead): CheckLine[] {
  if (read.error !== undefined)
    return [
      {
        mark: "problem",
        topic: "Config",
        text: `${SITE_CONFIG_FILE} does not load: ${read.error.split("\n").join(" ")}`,
        fix: configFix(read.error),
      },
    ];
  if (!read.config)
    return [
      {
        mark: "problem",
        topic: "Config",
        text: `${SITE_CONFIG_FILE} not found: this folder is not a Vitrine site, or its config was moved`,
        fix: "run vitrine doctor in the site's folder, or create a site with vitrine init",
      },
    ];
  const { config } = read;
  const loaded: CheckLine = {
    mark: "ok",
    topic: "Config",
    text: `${SITE_CONFIG_FILE} is valid ("${config.name}", base ${config.base})`,
  };
  return [loaded, urlCheck(config.url)];
}

/** `url` must be the https address the site is served at, not the placeholder of a new site. */
function urlCheck(url: string): CheckLine {
  const { protocol, hostname } = new URL(url);
  const fix = `set url in ${SITE_CONFIG_FILE} to the https:// address the site will be served at (feeds, canonical links, social cards and the canary page print it)`;
  if (RESERVED_HOST.test(hostname))
    return { mark: "problem", topic: "Config", text: `url is still a placeholder address, ${url}`, fix };
  if (protocol !== "https:")
    return { mark: "problem", topic: "Config", text: `url is not an https address: ${url}`, fix };
  return { mark: "ok", topic: "Config", text: `url is ${url}` };
}
