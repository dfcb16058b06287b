import { pbkdf2 } from "node:crypto";
import { promisify } from "node:util";
import type { DeriveScalars } from "./activation-record.js";

const pbkdf2Async = promisify(pbkdf2);

/**
 * TEST STAND-IN for argon2id, which this package does not depend on: PBKDF2-SHA256 with few
 * iterations, so tests run fast. Never use it outside tests; the server passes argon2id.
 */
export const testOnlyFastDeriveScalars: DeriveScalars = async (password, salt) =>
  new Uint8Array(await pbkdf2Async(password, salt, 1_000, 80, "sha256"));
