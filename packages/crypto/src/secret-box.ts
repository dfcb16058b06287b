import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { SecretBox } from "@meridian/core";

const VERSION = "v1";
const KEY_BYTES = 32;

/**
 * AES-256-GCM with a random 96-bit nonce per secret. The sealed form names the key by a short
 * fingerprint, so a secret sealed under another key fails with a clear error instead of garbage.
 */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES)
    throw new Error(`The secret key must be ${KEY_BYTES} bytes; this one is ${key.length}.`);
  const keyId = createHash("sha256").update(key).digest("hex").slice(0, 8);
  return {
    seal(plaintext) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, nonce);
      cipher.setAAD(Buffer.from(`${VERSION}.${keyId}`));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [
        VERSION,
        keyId,
        nonce.toString("base64url"),
        body.toString("base64url"),
        cipher.getAuthTag().toString("base64url"),
      ].join(".");
    },
    open(sealed) {
      const [version, sealedKeyId, nonce, body, tag] = sealed.split(".");
      if (version !== VERSION || !nonce || body === undefined || !tag)
        throw new Error("This secret is not in a format this server can open.");
      if (sealedKeyId !== keyId) {
        throw new Error(
          `This secret was sealed with another secret key (${sealedKeyId}); this server has ${keyId}. Restore the original MERIDIAN_SECRET_KEY or data/secret.key.`,
        );
      }
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"));
      decipher.setAAD(Buffer.from(`${VERSION}.${keyId}`));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}

/**
 * The key comes from MERIDIAN_SECRET_KEY (base64 or hex of 32 bytes) when set; otherwise from
 * `<data dir>/secret.key`, created on first start with owner-only permissions.
 */
export function loadSecretKey(options: { fromEnvironment?: string | undefined; keyFile: string }): Buffer {
  const text = options.fromEnvironment?.trim();
  if (text) {
    const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
    if (key.length !== KEY_BYTES)
      throw new Error("MERIDIAN_SECRET_KEY must be 32 bytes, written as 64 hex digits or base64.");
    return key;
  }
  if (existsSync(options.keyFile)) {
    const key = Buffer.from(readFileSync(options.keyFile, "utf8").trim(), "base64");
    if (key.length !== KEY_BYTES) throw new Error(`${options.keyFile} does not hold a 32-byte base64 key.`);
    return key;
  }
  mkdirSync(dirname(options.keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(options.keyFile, key.toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  return key;
}
