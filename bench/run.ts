/**
 * Runs every bench and prints one table per bench: `npm run bench`. Each bench is also runnable on
 * its own (`node bench/<name>.ts`).
 */
import { benchCards, formatTable } from "./cards.ts";

console.log(formatTable("social cards", await benchCards()));
