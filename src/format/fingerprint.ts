/**
 * An OpenPGP fingerprint grouped as `gpg --fingerprint` prints it: ten groups of four hex digits,
 * upper case, with two spaces in the middle (`1DD4 83F6 … 8F30  4B60 … B2BF`). Other lengths come
 * back grouped by four without the middle gap.
 */
export function groupFingerprint(fingerprint: string): string {
  const groups =
    fingerprint
      .replace(/\s+/g, "")
      .toUpperCase()
      .match(/.{1,4}/g) ?? [];
  if (groups.length !== 10) return groups.join(" ");
  return `${groups.slice(0, 5).join(" ")}  ${groups.slice(5).join(" ")}`;
}
