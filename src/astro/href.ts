import { withBase } from "../model/paths.ts";

/** Turns a site-relative path into a link that works under the configured base path. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
