import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { activationContext, createProverSession, createVerifierSession } from "./activation-exchange.js";
import { type ActivationRecord, createActivationRecord, type DeriveScalars } from "./activation-record.js";
import { encodeBase64url } from "./base64url.js";
import { encodePoint, G } from "./p256-group.js";
import { PakeError } from "./pake-error.js";
import { testOnlyFastDeriveScalars } from "./test-stand-ins.js";

/** Fuzzing with random input: every run picks a seed, and a failure names it (PAKE_FUZZ_SEED repeats it). */
const SEED = Number(process.env.PAKE_FUZZ_SEED ?? randomInt(2 ** 31));
// Each case runs about ten scalar multiplications of 0.5 to 4 ms: 200 cases take a few seconds.
const CASES = 200;

function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (max: number) => Math.floor(next() * max);
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(256));
  return { int, bytes };
}

/** Anything a hostile peer (or a confused JSON body) might hand over as a message. */
function garbage(random: ReturnType<typeof seededRandom>): unknown {
  switch (random.int(12)) {
    case 0:
      return encodeBase64url(random.bytes(random.int(200)));
    case 1:
      return encodeBase64url(Uint8Array.of(4, ...random.bytes(64)));
    case 2:
      return encodeBase64url(Uint8Array.of(2 + random.int(2), ...random.bytes(32)));
    case 3:
      return String.fromCharCode(...Array.from({ length: random.int(300) }, () => random.int(0x10000)));
    case 4:
      return [undefined, null, 0, -1, NaN, true, {}, [], { length: 65 }, 10n][random.int(10)];
    case 5:
      return "A".repeat(random.int(2) ? 88 : 1_000_000);
    case 6:
      return Buffer.from(random.bytes(65)).toString("base64");
    case 7:
      return `${encodeBase64url(random.bytes(32))}=`;
    case 8:
      return encodeBase64url(encodePoint(G.multiply(BigInt(1 + random.int(2 ** 30)))));
    case 9:
      return encodeBase64url(random.bytes(32));
    case 10:
      return encodeBase64url(random.bytes(32)).slice(0, 42) + "_";
    default:
      return "";
  }
}

async function expectOnlyPakeErrors(what: string, input: unknown, run: () => unknown, mayAccept = false) {
  try {
    await run();
    if (mayAccept) return;
  } catch (error) {
    if (error instanceof PakeError) return;
    expect.fail(
      `${what} threw ${String(error)} for ${JSON.stringify(String(input)).slice(0, 200)} (seed ${SEED})`,
    );
  }
  expect.fail(`${what} accepted ${JSON.stringify(String(input)).slice(0, 200)} (seed ${SEED})`);
}

const parties = {
  context: activationContext({ caFingerprint: "9a".repeat(32), activationId: "act_fuzz" }),
  idProver: "mallory@example.com",
  idVerifier: "acme.relay.example.com",
};

// The password is derived once: fuzzing is about the messages, not the key derivation.
let derived: Promise<Uint8Array> | undefined;
const deriveOnce: DeriveScalars = (password, salt) => (derived ??= testOnlyFastDeriveScalars(password, salt));

describe("hostile input", () => {
  it(`never throws anything but a PakeError, and accepts nothing (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const record: ActivationRecord = await createActivationRecord({
      password: "Kx7pQ2mZr9",
      deriveScalars: deriveOnce,
    });
    const prover = () =>
      createProverSession({
        ...parties,
        password: "Kx7pQ2mZr9",
        salt: record.salt,
        deriveScalars: deriveOnce,
      });
    const honest = await prover();

    for (let i = 0; i < CASES; i++) {
      const input = garbage(random);
      const other = garbage(random);
      // A valid point is a fine shareP; the session must still end in an error, at verify.
      await expectOnlyPakeErrors("respond then verify", [input, other], () => {
        const verifier = createVerifierSession({ ...parties, record });
        verifier.respond(input as string);
        return verifier.verify(other as string);
      });
      const verifier = createVerifierSession({ ...parties, record });
      verifier.respond(honest.shareP);
      await expectOnlyPakeErrors("verify", input, () => verifier.verify(input as string));
      const session = await prover();
      await expectOnlyPakeErrors("finish", [input, other], () =>
        session.finish(input as string, other as string),
      );
      await expectOnlyPakeErrors("finish with confirmV", input, async () => {
        const realShareV = createVerifierSession({ ...parties, record }).respond(session.shareP).shareV;
        return (await prover()).finish(realShareV, input as string);
      });
      // Random bytes of the right length are a usable salt, w0 or L: those may be accepted.
      await expectOnlyPakeErrors(
        "salt",
        input,
        () =>
          createProverSession({
            ...parties,
            password: "x",
            salt: input as string,
            deriveScalars: deriveOnce,
          }),
        true,
      );
      await expectOnlyPakeErrors(
        "record",
        input,
        () =>
          createVerifierSession({ ...parties, record: { ...record, [["salt", "w0", "L"][i % 3]!]: input } }),
        true,
      );
      // Any well-formed string up to 1 KiB is a usable identity.
      await expectOnlyPakeErrors(
        "identity",
        input,
        () => createVerifierSession({ ...parties, idProver: input as string, record }),
        true,
      );
    }
  }, 60_000);
});
