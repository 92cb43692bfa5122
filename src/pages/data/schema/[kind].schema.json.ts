import type { APIRoute, GetStaticPaths } from "astro";
import { RECORD_DOWNLOAD_KINDS, schemaFileName } from "../../../output/open-data/open-data-files.ts";
import { downloadResponse } from "../_open-data.ts";

/** One JSON Schema per record kind: `/data/schema/requests.schema.json` and so on. */
export const getStaticPaths = (() =>
  RECORD_DOWNLOAD_KINDS.map((kind) => ({
    params: { kind },
    props: { name: schemaFileName(kind) },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }> = ({ props }) => downloadResponse(props.name);
