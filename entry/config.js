// @ts-check
// `import { defineSiteConfig } from "vitrine/config"`: the site config's schema (src/contract/site-config-schema.ts).
import { moduleUrl } from "./module-url.js";

const schema = await import(/* @vite-ignore */ moduleUrl("contract/site-config-schema", import.meta.url));
export const { defineSiteConfig, SiteConfigSchema, SiteConfigError } = schema;
