import type { APIRoute, GetStaticPaths } from "astro";
import { RECORD_DOWNLOAD_KINDS, schemaFileName } from "../../../output/open-data/open-data-files.ts";
import { downloadResponse, getOpenDataFiles } from "../_open-data.ts";

/** One JSON Schema per published record kind: `/data/schema/requests.schema.json` and so on. */
export const getStaticPaths = (async () => {
  const names = new Set((await getOpenDataFiles()).map((file) => file.name));
  return RECORD_DOWNLOAD_KINDS.filter((kind) => names.has(schemaFileName(kind))).map((kind) => ({
    params: { kind },
    props: { name: schemaFileName(kind) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }> = ({ props }) => downloadResponse(props.name);
