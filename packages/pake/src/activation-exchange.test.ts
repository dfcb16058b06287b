import { describe, expect, it } from "vitest";
import {
  activationContext,
  createProverSession,
  createVerifierSession,
  type ExchangeParties,
} from "./activation-exchange.js";
import { type ActivationRecord, createActivationRecord, derivePasswordScalars } from "./activation-record.js";
import { encodeBase64url } from "./base64url.js";
import { encodePoint, encodeScalar, G, randomScalar } from "./p256-group.js";
import { PakeError } from "./pake-error.js";
import { proverFinish, proverShare } from "./spake2plus.js";
import { testOnlyFastDeriveScalars } from "./test-stand-ins.js";

const PASSWORD = "Kx7pQ2mZr9";
const FINGERPRINT = "3f".repeat(32);
const parties: ExchangeParties = {
  context: activationContext({ caFingerprint: FINGERPRINT, activationId: "act_01HZX" }),
  idProver: "alice@example.com",
  idVerifier: "acme.relay.example.com",
};

async function expectPakeError(run: () => unknown, code: PakeError["code"]) {
  let thrown: unknown;
  try {
    await run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(PakeError);
  expect((thrown as PakeError).code).toBe(code);
}

const enrol = (password = PASSWORD) =>
  createActivationRecord({ password, deriveScalars: testOnlyFastDeriveScalars });

const device = (record: ActivationRecord, overrides: Partial<ExchangeParties> & { password?: string } = {}) =>
  createProverSession({
    ...parties,
    password: PASSWORD,
    salt: record.salt,
    deriveScalars: testOnlyFastDeriveScalars,
    ...overrides,
  });

const server = (record: ActivationRecord, overrides: Partial<ExchangeParties> = {}) =>
  createVerifierSession({ ...parties, record, ...overrides });

describe("activation exchange", () => {
  it("ends with the same 32-byte key on both sides", async () => {
    const record = await enrol();
    const prover = await device(record);
    const verifier = server(record);

    const reply = verifier.respond(prover.shareP);
    const { confirmP, sharedKey } = prover.finish(reply.shareV, reply.confirmV);
    const serverKey = verifier.verify(confirmP);

    expect(sharedKey).toHaveLength(32);
    expect(Buffer.from(serverKey).equals(Buffer.from(sharedKey))).toBe(true);
    expect([prover.shareP.length, reply.shareV.length, reply.confirmV.length, confirmP.length]).toEqual([
      87, 87, 43, 43,
    ]);
  });

  it("stores only the salt, w0 and L, never the password or w1", async () => {
    const record = await enrol();
    expect(Object.keys(record).sort()).toEqual(["L", "salt", "w0"]);
    expect(JSON.stringify(record)).not.toContain(PASSWORD);
    const { w1 } = await derivePasswordScalars(
      PASSWORD,
      new Uint8Array(Buffer.from(record.salt, "base64url")),
      testOnlyFastDeriveScalars,
    );
    expect(Object.values(record)).not.toContain(encodeBase64url(encodeScalar(w1)));
    expect(record.L).toBe(encodeBase64url(encodePoint(G.multiply(w1))));
    // A fresh salt each time: the same password gives unrelated records.
    expect((await enrol()).w0).not.toBe(record.w0);
  });

  it("takes the user's address in any case", async () => {
    const record = await enrol();
    const prover = await device(record, { idProver: "Alice@Example.COM" });
    const verifier = server(record);
    const reply = verifier.respond(prover.shareP);
    expect(verifier.verify(prover.finish(reply.shareV, reply.confirmV).confirmP)).toHaveLength(32);
  });

  it("fails at the device's check of confirmV when the password is wrong, and the server accepts no confirmP", async () => {
    const record = await enrol();
    const prover = await device(record, { password: "Kx7pQ2mZr8" });
    const verifier = server(record);
    const reply = verifier.respond(prover.shareP);
    await expectPakeError(() => prover.finish(reply.shareV, reply.confirmV), "confirmation_failed");

    // A device that ignores its failed check still cannot produce a confirmP the server accepts.
    const secrets = await derivePasswordScalars(
      "Kx7pQ2mZr8",
      new Uint8Array(Buffer.from(record.salt, "base64url")),
      testOnlyFastDeriveScalars,
    );
    const x = randomScalar();
    const shareP = proverShare(secrets.w0, x);
    const stubborn = server(record);
    const stubbornReply = stubborn.respond(encodeBase64url(shareP));
    const encoder = new TextEncoder();
    const schedule = proverFinish({
      parties: {
        context: encoder.encode(parties.context),
        idProver: encoder.encode(parties.idProver),
        idVerifier: encoder.encode(parties.idVerifier),
      },
      secrets,
      x,
      shareP,
      shareV: new Uint8Array(Buffer.from(stubbornReply.shareV, "base64url")),
    });
    await expectPakeError(() => stubborn.verify(encodeBase64url(schedule.confirmP)), "confirmation_failed");
  });

  it("fails when the device was given another CA fingerprint, activation or server name", async () => {
    const record = await enrol();
    const relayContext = activationContext({ caFingerprint: "3e".repeat(32), activationId: "act_01HZX" });
    const otherActivation = activationContext({ caFingerprint: FINGERPRINT, activationId: "act_01HZY" });
    for (const overrides of [
      { context: relayContext },
      { context: otherActivation },
      { idVerifier: "evil.relay.example.com" },
      { idProver: "bob@example.com" },
    ]) {
      const prover = await device(record, overrides);
      const verifier = server(record);
      const reply = verifier.respond(prover.shareP);
      await expectPakeError(() => prover.finish(reply.shareV, reply.confirmV), "confirmation_failed");
    }
  });

  it("writes the context with the fingerprint normalised", () => {
    const upper = activationContext({
      caFingerprint: FINGERPRINT.toUpperCase().replace(/(..)(?!$)/g, "$1:"),
      activationId: "act_01HZX",
    });
    expect(upper).toBe(`meridian-activation-v1 ca-sha256=${FINGERPRINT} activation=act_01HZX`);
    expect(() => activationContext({ caFingerprint: "3f".repeat(20), activationId: "a" })).toThrow(PakeError);
    expect(() => activationContext({ caFingerprint: FINGERPRINT, activationId: "" })).toThrow(PakeError);
  });

  it("refuses a shareP and confirmP replayed from an earlier session", async () => {
    const record = await enrol();
    const prover = await device(record);
    const first = server(record);
    const reply = first.respond(prover.shareP);
    const { confirmP } = prover.finish(reply.shareV, reply.confirmV);
    first.verify(confirmP);

    const second = server(record);
    const replayedReply = second.respond(prover.shareP);
    expect(replayedReply.shareV).not.toBe(reply.shareV);
    await expectPakeError(() => second.verify(confirmP), "confirmation_failed");
  });

  it("runs each step once", async () => {
    const record = await enrol();
    const prover = await device(record);
    const verifier = server(record);
    await expectPakeError(() => verifier.verify("A".repeat(43)), "session_state");

    const reply = verifier.respond(prover.shareP);
    await expectPakeError(() => verifier.respond(prover.shareP), "session_state");
    const { confirmP } = prover.finish(reply.shareV, reply.confirmV);
    await expectPakeError(() => prover.finish(reply.shareV, reply.confirmV), "session_state");
    verifier.verify(confirmP);
    await expectPakeError(() => verifier.verify(confirmP), "session_state");

    // A failed step uses the session up too: no second guess at confirmP, no second shareP.
    const failing = server(record);
    failing.respond(prover.shareP);
    await expectPakeError(() => failing.verify("A".repeat(43)), "confirmation_failed");
    await expectPakeError(() => failing.verify(confirmP), "session_state");
    const refused = server(record);
    await expectPakeError(() => refused.respond("AA"), "invalid_point");
    await expectPakeError(() => refused.respond(prover.shareP), "session_state");
  });

  it("refuses the identity and points off the curve on both sides", async () => {
    const record = await enrol();
    const offCurve = encodePoint(G.multiply(7n));
    offCurve[64]! ^= 1;
    for (const share of [
      Uint8Array.of(0),
      new Uint8Array(65),
      Uint8Array.of(4, ...new Uint8Array(64)),
      offCurve,
    ]) {
      await expectPakeError(() => server(record).respond(encodeBase64url(share)), "invalid_point");
      const prover = await device(record);
      await expectPakeError(() => prover.finish(encodeBase64url(share), "A".repeat(43)), "invalid_point");
    }
  });

  it("refuses a damaged record", async () => {
    const record = await enrol();
    const damaged: unknown[] = [
      { ...record, w0: "" },
      { ...record, w0: encodeBase64url(new Uint8Array(32)) },
      { ...record, w0: encodeBase64url(new Uint8Array(32).fill(0xff)) },
      { ...record, L: record.L.slice(0, -2) },
      { ...record, L: encodeBase64url(new Uint8Array(65)) },
      { ...record, salt: "AA" },
      null,
      {},
    ];
    for (const candidate of damaged)
      await expectPakeError(() => server(candidate as ActivationRecord), "invalid_record");
  });
});
