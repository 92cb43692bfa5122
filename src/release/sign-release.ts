import { spawnSync } from "node:child_process";
import * as openpgp from "openpgp";
import { groupFingerprint } from "../format/fingerprint.ts";

/** How a release is signed: with the organisation's key in gpg, or with a secret key file through OpenPGP.js. */
export type SigningKey =
  | { kind: "gpg"; fingerprint: string }
  | { kind: "file"; fingerprint: string; armoredKey: string; passphrase: string | undefined };

/** A detached ASCII-armoured signature, or why none could be made (the message for the editor). */
export type SignResult = { signature: string } | { error: string };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Whether `gpg` can be run from the PATH. */
export function gpgAvailable(): boolean {
  return spawnSync("gpg", ["--version"], { stdio: "ignore" }).error === undefined;
}

/**
 * Signs with `gpg --local-user <fingerprint> --detach-sign --armor`, the key staying in gpg (or its
 * token). `date`, when given, is the signature's time (`--faked-system-time`, for reproducible releases).
 */
function signWithGpg(bytes: Uint8Array, fingerprint: string, date: Date | undefined): SignResult {
  const faked = date ? ["--faked-system-time", `${Math.floor(date.getTime() / 1000)}!`] : [];
  const result = spawnSync(
    "gpg",
    ["--batch", "--no-tty", ...faked, "--local-user", fingerprint, "--detach-sign", "--armor", "--output", "-"],
    { input: bytes, encoding: "utf8" },
  );
  if (result.status === 0 && result.stdout.includes("BEGIN PGP SIGNATURE")) return { signature: result.stdout };
  const said = `${result.stderr}`.trim().split("\n").filter(Boolean).join("; ");
  return {
    error: `gpg could not sign with the pinned key ${groupFingerprint(fingerprint)} (is its secret key in gpg? gpg --list-secret-keys ${fingerprint}): ${said || message(result.error)}`,
  };
}

/** Signs with OpenPGP.js from a secret key file, refusing a key that is not the pinned one. */
async function signWithKeyFile(
  bytes: Uint8Array,
  key: Extract<SigningKey, { kind: "file" }>,
  date: Date | undefined,
): Promise<SignResult> {
  let secret: openpgp.PrivateKey;
  try {
    secret = await openpgp.readPrivateKey({ armoredKey: key.armoredKey });
  } catch (error) {
    return { error: `The key file is not an ASCII-armoured OpenPGP secret key: ${message(error)}` };
  }
  const found = secret.getFingerprint().toUpperCase();
  if (found !== key.fingerprint)
    return {
      error: `The key file holds the key ${groupFingerprint(found)}, not the pinned one ${groupFingerprint(key.fingerprint)} (canary.fingerprint in src/site.config.ts): a release is signed by the key readers check the canary with.`,
    };
  try {
    const signingKey: openpgp.PrivateKey = secret.isDecrypted()
      ? secret
      : await openpgp.decryptKey({ privateKey: secret, passphrase: key.passphrase ?? "" });
    // As an object, armoured here: the armoured overload's return type names the DOM's stream types, absent in Node's.
    const signed = await openpgp.sign({
      message: await openpgp.createMessage({ binary: bytes }),
      signingKeys: signingKey,
      detached: true,
      format: "object",
      date: date ?? new Date(),
    });
    return { signature: signed.armor() };
  } catch (error) {
    const hint = secret.isDecrypted() ? "" : " (the passphrase comes from VITRINE_SIGNING_PASSPHRASE)";
    return { error: `OpenPGP.js could not sign with the key file${hint}: ${message(error)}` };
  }
}

/** A detached, ASCII-armoured OpenPGP signature of `bytes` by `key`, dated `date` when given (else now). */
export function signDetached(bytes: Uint8Array, key: SigningKey, date?: Date): Promise<SignResult> {
  return key.kind === "gpg"
    ? Promise.resolve(signWithGpg(bytes, key.fingerprint, date))
    : signWithKeyFile(bytes, key, date);
}
