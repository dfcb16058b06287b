import { describe, expect, it } from "vitest";
import { createCertificateAuthority, loadCertificateAuthority } from "./certificate-authority.js";
import { createCsr } from "./certificate-request.js";
import { generateKeyPair } from "./keys.js";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("issuance speed", () => {
  it(
    "issues 100 client certificates from P-256 requests well under 5 seconds",
    { timeout: 60_000 },
    async () => {
      const pems = await createCertificateAuthority({ commonName: "Speed CA", validityDays: 30 });
      const ca = await loadCertificateAuthority(pems.certificatePem, pems.privateKeyPem);
      // Distinct requests, as real activations send; each carries its own key and signature to check.
      const requests = await Promise.all(
        Array.from({ length: 100 }, async (_, i) =>
          createCsr({ commonName: `device-${i}`, keys: (await generateKeyPair()).keys }),
        ),
      );
      const options = { usage: "client" as const, validityDays: 30, subject: { commonName: "device" } };
      for (const csr of requests.slice(0, 20)) await ca.issueFromCsr(csr, options); // warm up

      const sequential: number[] = [];
      const concurrent: number[] = [];
      for (let run = 0; run < 5; run++) {
        let started = performance.now();
        for (const csr of requests) await ca.issueFromCsr(csr, options);
        sequential.push(performance.now() - started);
        started = performance.now();
        await Promise.all(requests.map((csr) => ca.issueFromCsr(csr, options)));
        concurrent.push(performance.now() - started);
      }
      const perSecond = (ms: number) => Math.round((requests.length / ms) * 1000);
      console.log(
        `issuance from CSR: ${perSecond(median(sequential))}/s one at a time, ` +
          `${perSecond(median(concurrent))}/s with 100 in flight (median of 5 runs of 100)`,
      );
      expect(median(sequential)).toBeLessThan(5_000);
    },
  );
});
