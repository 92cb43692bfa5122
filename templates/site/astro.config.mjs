// @ts-check
// The whole site comes from the vitrine package; your settings are in src/site.config.ts.
import { defineConfig } from "astro/config";
import vitrine from "vitrine";
import site from "./src/site.config.ts";

export default defineConfig({ integrations: [vitrine(site)] });
