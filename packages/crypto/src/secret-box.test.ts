import { randomBytes } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSecretBox, loadSecretKey } from "./secret-box.js";

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal("directory-bind-password");
    expect(sealed).not.toContain("directory-bind-password");
    expect(box.open(sealed)).toBe("directory-bind-password");
    expect(box.seal("same")).not.toBe(box.seal("same"));
  });

  it("refuses a tampered secret", () => {
    const box = createSecretBox(randomBytes(32));
    const parts = box.seal("secret").split(".");
    parts[3] = Buffer.from("other!").toString("base64url");
    expect(() => box.open(parts.join("."))).toThrow();
  });

  it("says clearly when a secret was sealed with another key", () => {
    const sealed = createSecretBox(randomBytes(32)).seal("secret");
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow(/another secret key/);
  });

  it("creates the key file once, owner-only, and reads it back", () => {
    const file = join(mkdtempSync(join(tmpdir(), "meridian-key-")), "data", "secret.key");
    const first = loadSecretKey({ keyFile: file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ keyFile: file }).equals(first)).toBe(true);
  });

  it("takes the key from the environment in hex or base64, and rejects a short one", () => {
    const key = randomBytes(32);
    expect(loadSecretKey({ fromEnvironment: key.toString("hex"), keyFile: "/nonexistent" }).equals(key)).toBe(
      true,
    );
    expect(
      loadSecretKey({ fromEnvironment: key.toString("base64"), keyFile: "/nonexistent" }).equals(key),
    ).toBe(true);
    expect(() => loadSecretKey({ fromEnvironment: "c2hvcnQ=", keyFile: "/nonexistent" })).toThrow(/32 bytes/);
  });
});
