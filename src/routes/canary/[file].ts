import { readFile } from "node:fs/promises";
import path from "node:path";
import type { APIRoute, GetStaticPaths } from "astro";
import { getCollection } from "astro:content";

// The canary, its detached signature and the signer's key are published byte for byte, so readers
// can verify the signature against exactly the file that was signed.
export const getStaticPaths = (async () => {
  const [canary] = await getCollection("canary");
  if (!canary) return [];
  const files = ["canary.md", canary.data.signature, canary.data.key].filter(
    (file): file is string => file !== undefined,
  );
  return files.map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

// Armoured signatures and keys are text, so browsers show them rather than download them.
const TYPES: Record<string, string> = { ".md": "text/markdown; charset=utf-8", ".asc": "text/plain; charset=utf-8" };

export const GET: APIRoute = async ({ params }) => {
  const file = String(params["file"]);
  // process.cwd() is the project root in both `astro dev` and `astro build` (endpoints are bundled).
  const bytes = await readFile(path.join(process.cwd(), "content", file));
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" },
  });
};
