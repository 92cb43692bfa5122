import { describe, expect, it } from "vitest";
import { fieldDescription } from "../../src/contract/fields/field-descriptions.ts";
import { FigureDownloadSchema } from "../../src/output/open-data/figure-downloads.ts";
import { downloadJsonSchema } from "../../src/output/open-data/json-schema.ts";
import { RECORD_DOWNLOAD_KINDS, RECORD_DOWNLOADS } from "../../src/output/open-data/open-data-files.ts";
import { tableSchema } from "../../src/output/open-data/table-schema.ts";

/** Every published record schema: the three record kinds and the published figures. */
const SCHEMAS = [
  ...RECORD_DOWNLOAD_KINDS.map((kind) => [kind, RECORD_DOWNLOADS[kind].schema] as const),
  ["figures", FigureDownloadSchema] as const,
];
const labels = { id: "https://example.org/data/schema/x.schema.json", title: "x", description: "x" };

describe.each(SCHEMAS)("the published columns of %s", (_kind, schema) => {
  const columns = Object.keys(schema.shape);

  it("each have a description in the record spec", () => {
    const undescribed = columns.filter(
      (column) => !fieldDescription(schema.shape[column as keyof typeof schema.shape]),
    );
    expect(undescribed).toEqual([]);
  });

  it("carry the same description in the JSON Schema and the Table Schema", () => {
    const items = downloadJsonSchema(schema, labels)["items"] as {
      properties: Record<string, { description?: string }>;
    };
    const fields = tableSchema(schema).fields;
    for (const column of columns) {
      const description = fieldDescription(schema.shape[column as keyof typeof schema.shape]);
      expect(items.properties[column]?.description, column).toBe(description);
      expect(fields.find((field) => field.name === column)?.description, column).toBe(description);
    }
  });
});
