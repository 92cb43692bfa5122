import { groupFingerprint } from "../format/fingerprint.ts";
import type { VerifiedCanary } from "../contract/schemas/content.ts";
import { canaryStatus, type CanaryStatus } from "./canary-status.ts";

/** Site-relative path of the canary's page. */
export const CANARY_PAGE_PATH = "canary/";
/** Site-relative path of the canary's facts for machines. */
export const CANARY_JSON_PATH = "canary.json";
/** Site-relative path of a file published byte for byte next to the canary page (canary.md, its signature, its key). */
export const canaryFilePath = (name: string): string => `canary/${name}`;

/** The warrant canary as its page, the report and `/canary.json` show it. */
export interface CanaryView {
  issued: string;
  expires: string;
  signer: string | undefined;
  /** Where it stands at the build time. */
  status: CanaryStatus;
  /** When the verified signature was made, ISO 8601 (UTC). */
  signedAt: string;
  /** The signing key's fingerprint: 40 upper-case hex digits. */
  fingerprint: string;
  /** The same, grouped as `gpg --fingerprint` prints it. */
  fingerprintGrouped: string;
  /** SHA-256 of canary.md's bytes. */
  sha256: string;
  /** Other pages that publish the fingerprint (the site config's `canary.publishedAt`). */
  publishedAt: readonly string[];
  /** Site-relative paths of the three published files, by the names they are published under. */
  files: {
    statement: { name: string; path: string };
    signature: { name: string; path: string };
    key: { name: string; path: string };
  };
  /** Site-relative paths of the page and of the JSON facts. */
  path: string;
  jsonPath: string;
}

/** The canary's view at `now`: its facts, its status, and where its files are published. */
export function canaryView(canary: VerifiedCanary, now: Date, publishedAt: readonly string[]): CanaryView {
  const file = (name: string) => ({ name, path: canaryFilePath(name) });
  return {
    issued: canary.issued,
    expires: canary.expires,
    signer: canary.signer,
    status: canaryStatus(canary.expires, now),
    signedAt: canary.signedAt,
    fingerprint: canary.fingerprint,
    fingerprintGrouped: groupFingerprint(canary.fingerprint),
    sha256: canary.sha256,
    publishedAt,
    files: { statement: file("canary.md"), signature: file(canary.signature), key: file(canary.key) },
    path: CANARY_PAGE_PATH,
    jsonPath: CANARY_JSON_PATH,
  };
}

/** `/canary.json`: the canary's facts for machines, with absolute URLs made by `url` from site-relative paths. */
export function canaryFacts(view: CanaryView, url: (path: string) => string): Record<string, unknown> {
  return {
    issued: view.issued,
    expires: view.expires,
    status: view.status.state,
    signer: view.signer ?? null,
    signedAt: view.signedAt,
    fingerprint: view.fingerprint,
    statementSha256: view.sha256,
    files: {
      statement: url(view.files.statement.path),
      signature: url(view.files.signature.path),
      key: url(view.files.key.path),
    },
    fingerprintPublishedAt: view.publishedAt,
    page: url(view.path),
  };
}
