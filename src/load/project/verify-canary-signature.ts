import * as openpgp from "openpgp";
import { groupFingerprint } from "../../format/fingerprint.ts";

/** What a good signature tells: who made it (the key's fingerprint) and when. */
export interface SignatureFacts {
  /** Fingerprint of the signing key's primary key, 40 upper-case hex digits. */
  fingerprint: string;
  /** When the signature was made. */
  signedAt: Date;
}

/** Why the signature was not accepted, and on which of the two files. */
export interface SignatureFailure {
  /** `signature` or `key`: the file the editor must change. */
  part: "signature" | "key";
  expected: string;
  found: string;
}

/** The file a signature covers, as the editor knows it, and the command that signs it again. */
export interface SignedFile {
  /** The file's path relative to the project root (`content/canary.md`). */
  name: string;
  /** How to make a new signature of it (`gpg --armor --detach-sign content/canary.md`). */
  signCommand: string;
}

/** The canary: the file every signature was of until dataset releases were signed too. */
export const CANARY_SIGNED: SignedFile = {
  name: "content/canary.md",
  signCommand: "gpg --armor --detach-sign content/canary.md",
};

/** The files and expectations of one signature check. */
export interface SignatureInput {
  /** The signed file exactly as published (canary.md, a release's SHA256SUMS): the signature covers these bytes. */
  statement: Uint8Array;
  /** The detached signature file, ASCII-armoured (`gpg --armor --detach-sign`). */
  armoredSignature: string;
  /** The signer's public key file, ASCII-armoured (`gpg --armor --export`). */
  armoredKey: string;
  /** The fingerprint pinned in the site config, 40 upper-case hex digits. */
  pinned: string;
  /** The build time: the signature must be older, and the key neither expired nor revoked then. */
  now: Date;
  /** Which file the signature is of, for the messages; the canary when left out. */
  signed?: SignedFile;
}

const stamp = (date: Date): string => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The public key in the key file, or why it is not one the canary can be checked with. */
async function readPublicKey(input: SignatureInput): Promise<openpgp.Key | SignatureFailure> {
  let key: openpgp.Key;
  try {
    key = await openpgp.readKey({ armoredKey: input.armoredKey });
  } catch (error) {
    return {
      part: "key",
      expected: "an ASCII-armoured OpenPGP public key (gpg --armor --export FINGERPRINT > content/canary-key.asc)",
      found: message(error),
    };
  }
  if (key.isPrivate())
    return {
      part: "key",
      expected:
        "the PUBLIC key only: this file holds the SECRET key; delete it from the repository and revoke that key",
      found: "a secret key",
    };
  const fingerprint = key.getFingerprint().toUpperCase();
  if (fingerprint !== input.pinned)
    return {
      part: "key",
      expected: `the key pinned in src/site.config.ts (canary.fingerprint ${groupFingerprint(input.pinned)}); a new signing key must be pinned there too`,
      found: `a key with fingerprint ${groupFingerprint(fingerprint)}`,
    };
  try {
    await key.verifyPrimaryKey(input.now);
  } catch (error) {
    const expiry = await key.getExpirationTime().catch(() => null);
    const expired = expiry instanceof Date && expiry <= input.now;
    return {
      part: "key",
      expected: expired
        ? "a key that has not expired: extend it (gpg --quick-set-expire FINGERPRINT 2y), export it again, and sign again"
        : "a key that is valid at build time and not revoked: a revoked key means the canary must be signed with a new key, pinned in the site config",
      found: expired ? `a key that expired on ${stamp(expiry)}` : message(error),
    };
  }
  return key;
}

/**
 * Verifies, with OpenPGP.js, a detached signature over a file's exact bytes (the canary's, or a
 * release's checksums): the key file must hold the public key whose fingerprint is pinned in the site
 * config, not expired or revoked at `now`, and the signature must be by that key, match the bytes, and
 * be made before `now`.
 */
export async function verifyCanarySignature(input: SignatureInput): Promise<SignatureFacts | SignatureFailure> {
  const signed = input.signed ?? CANARY_SIGNED;
  const fileName = signed.name.split("/").at(-1) ?? signed.name;
  const key = await readPublicKey(input);
  if ("part" in key) return key;
  let signature: openpgp.Signature;
  try {
    signature = await openpgp.readSignature({ armoredSignature: input.armoredSignature });
  } catch (error) {
    return {
      part: "signature",
      expected: `an ASCII-armoured detached OpenPGP signature (${signed.signCommand})`,
      found: message(error),
    };
  }
  const result = await openpgp.verify({
    message: await openpgp.createMessage({ binary: input.statement }),
    signature,
    verificationKeys: key,
    date: input.now,
  });
  const failures: string[] = [];
  for (const { verified, keyID, signature: packets } of result.signatures) {
    try {
      await verified;
      const created = (await packets).packets[0]?.created;
      if (created) return { fingerprint: key.getFingerprint().toUpperCase(), signedAt: created };
    } catch (error) {
      failures.push(describeFailure(message(error), keyID.toHex().toUpperCase(), await packets, input.now, fileName));
    }
  }
  return {
    part: "signature",
    expected: `a signature of ${fileName} as it is now, by the pinned key ${groupFingerprint(input.pinned)}, made before the build (${stamp(input.now)}); after any edit, sign again: ${signed.signCommand}`,
    found: failures.join("; ") || "no signature",
  };
}

/** OpenPGP.js's reason for refusing one signature, in the editor's words. */
function describeFailure(
  reason: string,
  keyID: string,
  packets: openpgp.Signature,
  now: Date,
  fileName: string,
): string {
  const created = packets.packets[0]?.created;
  if (/could not find signing key/i.test(reason)) return `a signature by another key (key ID ${keyID})`;
  if (/digest did not match|signature verification failed/i.test(reason))
    return `a signature that does not match ${fileName}: the file was changed after it was signed`;
  if (/in the future/i.test(reason) && created)
    return `a signature dated ${stamp(created)}, after the build time ${stamp(now)}`;
  return reason;
}
