import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { testRoot } from "./fixture-site.ts";

// The official schema, fetched from citation-file-format/citation-file-format (test/fixtures/citation/SOURCE.md).
const cffSchema = JSON.parse(
  readFileSync(path.join(testRoot, "fixtures/citation/cff-1.2.0.schema.json"), "utf8"),
) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/** Validates a parsed CITATION.cff against the official CFF 1.2.0 JSON Schema; its `errors` say why not. */
export const validateCff = ajv.compile(cffSchema);
