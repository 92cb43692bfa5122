#!/usr/bin/env node
// @ts-check
// The `vitrine` command (src/cli/main.ts).
import { moduleUrl } from "./module-url.js";

await import(moduleUrl("cli/main", import.meta.url));
