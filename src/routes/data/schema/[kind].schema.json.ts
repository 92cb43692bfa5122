import type { APIRoute, GetStaticPaths } from "astro";
import { downloadResponse, getOpenDataFiles } from "../_open-data.ts";

/** One JSON Schema per JSON download: `/data/schema/requests.schema.json`, `/data/schema/figures.schema.json` and so on. */
export const getStaticPaths = (async () =>
  (await getOpenDataFiles()).flatMap(({ name }) => {
    const kind = /^schema\/(.+)\.schema\.json$/.exec(name)?.[1];
    return kind === undefined ? [] : [{ params: { kind }, props: { name } }];
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }> = ({ props }) => downloadResponse(props.name);
