import { describe, expect, it } from "vitest";
import { nodeCrypto } from "./node-crypto.js";

describe("node crypto", () => {
  it("hashes passwords with argon2id and verifies only the right one", async () => {
    const hash = await nodeCrypto.hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await nodeCrypto.verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await nodeCrypto.verifyPassword(hash, "wrong")).toBe(false);
    expect(await nodeCrypto.verifyPassword("not-a-hash", "x")).toBe(false);
  });

  it("draws passwords only from the alphabet, at the length asked", () => {
    const password = nodeCrypto.randomPassword(40, "AB2");
    expect(password).toHaveLength(40);
    expect(password).toMatch(/^[AB2]+$/);
  });
});
