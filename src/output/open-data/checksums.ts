import { createHash } from "node:crypto";

/** Name of the checksum list in the data folder, as `sha256sum` users expect it. */
export const CHECKSUMS_FILE = "SHA256SUMS";

/** One file of the checksum list: its path relative to the data folder (with `/`) and its SHA-256 in hex. */
export interface ChecksumEntry {
  name: string;
  sha256: string;
}

/** SHA-256 of a file's bytes (a string counts as its UTF-8 bytes), in lower-case hex. */
export function sha256Hex(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/**
 * Whether a file in the data folder belongs in the checksum list: every download does; the list itself,
 * the folder's HTML pages (`index.html`, the downloads page; `corrections/index.html`) and its feed
 * (`corrections/rss.xml`, rebuilt with every page) are not downloads and do not.
 */
export function isChecksummed(name: string): boolean {
  return name !== CHECKSUMS_FILE && !name.endsWith(".html") && !name.endsWith(".xml");
}

// sha256sum escapes a name holding a backslash or a line break (and then prefixes the line with "\"); ours never need it.
const plainName = (name: string): boolean => !/[\\\n\r]/.test(name);

/**
 * The checksum list in `sha256sum`'s own format, so `sha256sum -c SHA256SUMS` checks it: one line per file,
 * `<64 hex digits><two spaces><name>`, sorted by name in code-point order, LF line ends.
 */
export function formatChecksums(entries: readonly ChecksumEntry[]): string {
  for (const { name, sha256 } of entries) {
    if (!plainName(name))
      throw new Error(
        `Cannot list "${name}" in ${CHECKSUMS_FILE}: a name with a backslash or a line break needs escaping`,
      );
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256 in hex for ${name}: ${sha256}`);
  }
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.map(({ name, sha256 }) => `${sha256}  ${name}\n`).join("");
}

/** Size in bytes of the checksum list of files with these names, known before any hash is computed. */
export function checksumsSize(names: readonly string[]): number {
  return names.reduce((size, name) => size + 64 + 2 + Buffer.byteLength(name, "utf8") + 1, 0);
}
