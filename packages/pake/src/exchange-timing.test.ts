import { describe, expect, it } from "vitest";
import { activationContext, createProverSession, createVerifierSession } from "./activation-exchange.js";
import { createActivationRecord, type DeriveScalars } from "./activation-record.js";
import { testOnlyFastDeriveScalars } from "./test-stand-ins.js";

const RUNS = 60;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("exchange timing", () => {
  it("measures one full exchange, without the password derivation", async () => {
    const parties = {
      context: activationContext({ caFingerprint: "c0".repeat(32), activationId: "act_timing" }),
      idProver: "alice@example.com",
      idVerifier: "acme.relay.example.com",
    };
    // The derivation is done once up front, so the timings below are the exchange's own work.
    const output = testOnlyFastDeriveScalars("Kx7pQ2mZr9", new Uint8Array(16));
    const derived: DeriveScalars = () => output;
    const record = await createActivationRecord({ password: "Kx7pQ2mZr9", deriveScalars: derived });

    const device: number[] = [];
    const server: number[] = [];
    for (let i = 0; i < RUNS + 10; i++) {
      const t0 = performance.now();
      const prover = await createProverSession({
        ...parties,
        password: "Kx7pQ2mZr9",
        salt: record.salt,
        deriveScalars: derived,
      });
      const t1 = performance.now();
      const verifier = createVerifierSession({ ...parties, record });
      const reply = verifier.respond(prover.shareP);
      const t2 = performance.now();
      const { confirmP } = prover.finish(reply.shareV, reply.confirmV);
      const t3 = performance.now();
      verifier.verify(confirmP);
      const t4 = performance.now();
      if (i < 10) continue; // warm-up: JIT and the precomputed tables for M and N
      device.push(t1 - t0 + (t3 - t2));
      server.push(t2 - t1 + (t4 - t3));
    }
    const total = device.map((ms, i) => ms + server[i]!);
    console.log(
      `SPAKE2+ P-256 exchange over ${RUNS} runs (median): device ${median(device).toFixed(1)} ms, ` +
        `server ${median(server).toFixed(1)} ms, total ${median(total).toFixed(1)} ms`,
    );
    // Loose on purpose: only a real regression (a non-precomputed path, say) should trip it.
    expect(median(total)).toBeLessThan(250);
  }, 60_000);
});
