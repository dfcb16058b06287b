import argon2 from "argon2";
import { createHash, randomBytes, randomInt } from "node:crypto";
import type { Crypto } from "@meridian/core";

/** argon2id at the OWASP minimum (19 MiB, 2 passes): about 30 ms a hash on one core here. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const nodeCrypto: Crypto = {
  hashPassword: (password) => argon2.hash(password, ARGON2_OPTIONS),
  async verifyPassword(hash, password) {
    try {
      return await argon2.verify(hash, password);
    } catch {
      // A malformed stored hash never verifies.
      return false;
    }
  },
  randomToken: (bytes) => randomBytes(bytes).toString("base64url"),
  randomPassword(length, alphabet) {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
    return out;
  },
  sha256: (text) => createHash("sha256").update(text, "utf8").digest("hex"),
};
