import { readFile } from "node:fs/promises";
import path from "node:path";
import type { APIRoute, GetStaticPaths } from "astro";
import { getReleases } from "../../../../astro/releases.ts";

// Every file of every dataset release, byte for byte as committed in data/releases/<version>/, so that
// `sha256sum -c SHA256SUMS` and `gpg --verify SHA256SUMS.asc SHA256SUMS` pass on what readers download.
export const getStaticPaths = (async () =>
  (await getReleases()).flatMap((release) =>
    release.files.map((file) => ({
      params: { version: release.version, file: file.name },
      props: { path: `${release.folder}/${file.name}` },
    })),
  )) satisfies GetStaticPaths;

// Checksums and signatures are text, so browsers show them rather than download them.
const TYPES: Record<string, string> = {
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".asc": "text/plain; charset=utf-8",
};

export const GET: APIRoute<{ path: string }> = async ({ props }) => {
  const bytes = await readFile(path.join(process.cwd(), props.path));
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": TYPES[path.extname(props.path)] ?? "text/plain; charset=utf-8" },
  });
};
