#!/usr/bin/env node
// @ts-check
// The `vitrine` command (src/cli/main.ts).
import { moduleUrl } from "./module-url.js";

const cli = await import(/* @vite-ignore */ moduleUrl("cli/main", import.meta.url));
await cli.cliMain();
