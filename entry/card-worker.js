// @ts-check
// The process that draws social cards (src/output/social-cards/card-worker.ts), forked by the build's card pool.
import { moduleUrl } from "./module-url.js";

await import(/* @vite-ignore */ moduleUrl("output/social-cards/card-worker", import.meta.url));
