// @ts-check
// `import vitrine from "vitrine"`: the Astro integration (src/astro/integration.ts).
import { moduleUrl } from "./module-url.js";

const integration = await import(/* @vite-ignore */ moduleUrl("astro/integration", import.meta.url));
export default integration.default;
