import { describe, expect, it } from "vitest";
import { transcript } from "./key-schedule.js";
import { decodeShare, encodePoint, G, GROUP_ORDER, M, N } from "./p256-group.js";
import { PakeError } from "./pake-error.js";
import {
  proverFinish,
  proverShare,
  registrationPoint,
  scalarsFromPbkdfOutput,
  verifierFinish,
} from "./spake2plus.js";

const hex = (value: Uint8Array) => Buffer.from(value).toString("hex");
const bytes = (text: string) => new Uint8Array(Buffer.from(text.replace(/\s+/g, ""), "hex"));
const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * RFC 9383 Appendix C, the P256-SHA256-HKDF-SHA256-HMAC-SHA256 vector. Transcribed from Appendix C
 * of draft-bar-cfrg-spake2plus-08 (github.com/chris-wood/draft-bar-cfrg-spake2plus, the last draft
 * before the RFC). Every value equals the copies that BoringSSL's spake2plus test (shares,
 * confirmations, K_shared) and another implementation's test (every value, TT included) cite as
 * RFC 9383 Appendix C. The context is 56 bytes: TT starts with 0x38.
 */
const RFC9383 = {
  context: "SPAKE2+-P256-SHA256-HKDF-SHA256-HMAC-SHA256 Test Vectors",
  idProver: "client",
  idVerifier: "server",
  w0: "bb8e1bbcf3c48f62c08db243652ae55d3e5586053fca77102994f23ad95491b3",
  w1: "7e945f34d78785b8a3ef44d0df5a1a97d6b3b460409a345ca7830387a74b1dba",
  L: `04eb7c9db3d9a9eb1f8adab81b5794c1f13ae3e225efbe91ea487425854c7fc00f00bfedcbd09b2400142d40a14f2064ef31dfaa
      903b91d1faea7093d835966efd`,
  x: "d1232c8e8693d02368976c174e2088851b8365d0d79a9eee709c6a05a2fad539",
  shareP: `04ef3bd051bf78a2234ec0df197f7828060fe9856503579bb1733009042c15c0c1de127727f418b5966afadfdd95a6e4591d
           171056b333dab97a79c7193e341727`,
  y: "717a72348a182085109c8d3917d6c43d59b224dc6a7fc4f0483232fa6516d8b3",
  shareV: `04c0f65da0d11927bdf5d560c69e1d7d939a05b0e88291887d679fcadea75810fb5cc1ca7494db39e82ff2f50665255d761
           73e09986ab46742c798a9a68437b048`,
  Z: `04bbfce7dd7f277819c8da21544afb7964705569bdf12fb92aa388059408d50091a0c5f1d3127f56813b5337f9e4e67e2ca633
      117a4fbd559946ab474356c41839`,
  V: `0458bf27c6bca011c9ce1930e8984a797a3419797b936629a5a937cf2f11c8b9514b82b993da8a46e664f23db7c01edc87faa5
      30db01c2ee405230b18997f16b68`,
  TT: `38000000000000005350414b45322b2d503235362d5348413235362d484b44462d5348413235362d484d41432d53484132353620
       5465737420566563746f72730600000000000000636c69656e740600000000000000736572766572410000000000000004886e
       2f97ace46e55ba9dd7242579f2993b64e16ef3dcab95afd497333d8fa12f5ff355163e43ce224e0b0e65ff02ac8e5c7be09419
       c785e0ca547d55a12e2d20410000000000000004d8bbd6c639c62937b04d997f38c3770719c629d7014d49a24b4f98baa1292b
       4907d60aa6bfade45008a636337f5168c64d9bd36034808cd564490b1e656edbe7410000000000000004ef3bd051bf78a2234e
       c0df197f7828060fe9856503579bb1733009042c15c0c1de127727f418b5966afadfdd95a6e4591d171056b333dab97a79c719
       3e341727410000000000000004c0f65da0d11927bdf5d560c69e1d7d939a05b0e88291887d679fcadea75810fb5cc1ca7494db
       39e82ff2f50665255d76173e09986ab46742c798a9a68437b048410000000000000004bbfce7dd7f277819c8da21544afb7964
       705569bdf12fb92aa388059408d50091a0c5f1d3127f56813b5337f9e4e67e2ca633117a4fbd559946ab474356c41839410000
       00000000000458bf27c6bca011c9ce1930e8984a797a3419797b936629a5a937cf2f11c8b9514b82b993da8a46e664f23db7c0
       1edc87faa530db01c2ee405230b18997f16b682000000000000000bb8e1bbcf3c48f62c08db243652ae55d3e5586053fca7710
       2994f23ad95491b3`,
  K_main: "4c59e1ccf2cfb961aa31bd9434478a1089b56cd11542f53d3576fb6c2a438a29",
  K_confirmP: "871ae3f7b78445e34438fb284504240239031c39d80ac23eb5ab9be5ad6db58a",
  K_confirmV: "ccd53c7c1fa37b64a462b40db8be101cedcf838950162902054e644b400f1680",
  confirmP: "926cc713504b9b4d76c9162ded04b5493e89109f6d89462cd33adc46fda27527",
  confirmV: "9747bcc4f8fe9f63defee53ac9b07876d907d55047e6ff2def2e7529089d3e68",
  K_shared: "0c5f8ccd1413423a54f6c1fb26ff01534a87f893779c6e68666d772bfd91f3e7",
};

const vector = (name: keyof typeof RFC9383) => RFC9383[name].replace(/\s+/g, "");
const scalar = (name: "w0" | "w1" | "x" | "y") => BigInt(`0x${vector(name)}`);
const parties = {
  context: utf8(RFC9383.context),
  idProver: utf8(RFC9383.idProver),
  idVerifier: utf8(RFC9383.idVerifier),
};

function expectPakeError(run: () => unknown, code: PakeError["code"]) {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(PakeError);
  expect((thrown as PakeError).code).toBe(code);
}

describe("SPAKE2+ against RFC 9383 Appendix C (P256-SHA256-HKDF-SHA256-HMAC-SHA256)", () => {
  const secrets = { w0: scalar("w0"), w1: scalar("w1") };

  it("reduces a PBKDF output to the vector's w0 and w1, and derives its L", () => {
    // Each 40-byte half is the vector's scalar with 8 zero bytes in front: reducing it mod p gives it back.
    const output = bytes(`${"00".repeat(8)}${vector("w0")}${"00".repeat(8)}${vector("w1")}`);
    expect(scalarsFromPbkdfOutput(output)).toEqual(secrets);
    expect(hex(encodePoint(registrationPoint(secrets.w1)))).toBe(vector("L"));
  });

  it("reproduces every value of the vector on both sides", () => {
    const shareP = proverShare(secrets.w0, scalar("x"));
    expect(hex(shareP)).toBe(vector("shareP"));

    const verifier = verifierFinish({
      parties,
      w0: secrets.w0,
      L: decodeShare(bytes(RFC9383.L), "L"),
      y: scalar("y"),
      shareP,
    });
    expect(hex(verifier.shareV)).toBe(vector("shareV"));

    const prover = proverFinish({ parties, secrets, x: scalar("x"), shareP, shareV: verifier.shareV });
    for (const side of [prover, verifier]) {
      expect(hex(side.transcript)).toBe(vector("TT"));
      expect(hex(side.kMain)).toBe(vector("K_main"));
      expect(hex(side.kConfirmP)).toBe(vector("K_confirmP"));
      expect(hex(side.kConfirmV)).toBe(vector("K_confirmV"));
      expect(hex(side.confirmP)).toBe(vector("confirmP"));
      expect(hex(side.confirmV)).toBe(vector("confirmV"));
      expect(hex(side.kShared)).toBe(vector("K_shared"));
    }
  });

  it("lays out the transcript with the vector's Z and V", () => {
    const tt = transcript({
      ...parties,
      shareP: bytes(RFC9383.shareP),
      shareV: bytes(RFC9383.shareV),
      Z: bytes(RFC9383.Z),
      V: bytes(RFC9383.V),
      w0: bytes(RFC9383.w0),
    });
    expect(hex(tt)).toBe(vector("TT"));
  });
});

describe("SPAKE2+ received points", () => {
  const w0 = scalar("w0");
  const L = registrationPoint(scalar("w1"));
  const verifierWith = (shareP: Uint8Array) => () =>
    verifierFinish({ parties, w0, L, y: scalar("y"), shareP });

  it("refuses the identity, in its SEC1 form and as 65 zero bytes", () => {
    expectPakeError(verifierWith(Uint8Array.of(0)), "invalid_point");
    expectPakeError(verifierWith(new Uint8Array(65)), "invalid_point");
    expectPakeError(verifierWith(Uint8Array.of(4, ...new Uint8Array(64))), "invalid_point");
  });

  it("refuses a point off the curve", () => {
    const offCurve = encodePoint(G.multiply(12345n));
    offCurve[64]! ^= 1;
    expectPakeError(verifierWith(offCurve), "invalid_point");
  });

  it("refuses coordinates outside the field, and compressed or hybrid encodings", () => {
    const point = encodePoint(G);
    // x = 2^256 - 1 is above the field prime.
    const tooLarge = point.slice();
    tooLarge.fill(0xff, 1, 33);
    expectPakeError(verifierWith(tooLarge), "invalid_point");
    expectPakeError(verifierWith(G.toBytes(true)), "invalid_point");
    const hybrid = point.slice();
    hybrid[0] = 0x06 | (point[64]! & 1);
    expectPakeError(verifierWith(hybrid), "invalid_point");
  });

  it("refuses a share that cancels the password's mask to the identity", () => {
    // Whoever sends w0·M already knows w0; without this check Z would be the identity.
    expectPakeError(verifierWith(encodePoint(M.multiply(w0))), "invalid_point");
    const secrets = { w0, w1: scalar("w1") };
    const shareP = proverShare(w0, scalar("x"));
    expectPakeError(
      () => proverFinish({ parties, secrets, x: scalar("x"), shareP, shareV: encodePoint(N.multiply(w0)) }),
      "invalid_point",
    );
  });

  it("refuses a PBKDF output of the wrong length or that reduces to zero", () => {
    expectPakeError(() => scalarsFromPbkdfOutput(new Uint8Array(79)), "invalid_input");
    expectPakeError(() => scalarsFromPbkdfOutput(new Uint8Array(80)), "invalid_input");
    const orderTimesTwo = bytes((2n * GROUP_ORDER).toString(16).padStart(80, "0"));
    expectPakeError(
      () => scalarsFromPbkdfOutput(new Uint8Array([...orderTimesTwo, ...bytes("01".padStart(80, "0"))])),
      "invalid_input",
    );
  });
});
