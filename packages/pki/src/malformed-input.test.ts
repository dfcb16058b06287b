import { beforeAll, describe, expect, it } from "vitest";
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type CertificateAuthority,
} from "./certificate-authority.js";
import { certificateFingerprint, parseCertificate, verifyIssuedBy } from "./certificate.js";
import { PkiError } from "./errors.js";
import { derToPem, opensslCsr, P256, pemToDer } from "./test-support.js";

let ca: CertificateAuthority;
let csrDer: Buffer;
let certificateDer: Buffer;

beforeAll(async () => {
  const pems = await createCertificateAuthority({ commonName: "Acme Devices CA", validityDays: 365 });
  ca = await loadCertificateAuthority(pems.certificatePem, pems.privateKeyPem);
  csrDer = pemToDer(opensslCsr(P256).csrPem);
  certificateDer = pemToDer(
    (await ca.issueServerCertificate({ hostNames: ["a.test"], validityDays: 1 })).certificatePem,
  );
});

const issue = (csr: unknown) => ca.issueFromCsr(csr as string, { usage: "client", validityDays: 1 });

/** Resolves to the PkiError code, or "issued"; anything else thrown fails the test. */
async function outcome(csr: unknown): Promise<string> {
  try {
    await issue(csr);
    return "issued";
  } catch (error) {
    if (error instanceof PkiError) return error.code;
    throw error;
  }
}

function sequenceOf(content: Buffer): Buffer {
  const length = content.length;
  const header =
    length < 0x80
      ? [0x30, length]
      : length < 0x100
        ? [0x30, 0x81, length]
        : [0x30, 0x82, length >> 8, length & 0xff];
  return Buffer.concat([Buffer.from(header), content]);
}

function nested(depth: number): Buffer {
  let der: Buffer = Buffer.of(0x30, 0x00);
  for (let i = 0; i < depth; i++) der = sequenceOf(der);
  return der;
}

const EXPECTED_CODES = new Set([
  "issued",
  "malformed_pem",
  "invalid_csr",
  "csr_signature_invalid",
  "unsupported_key",
  "weak_key",
  "unsupported_algorithm",
  "invalid_request",
]);

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
}

describe("malformed input gives PkiError, never a crash or a hang", () => {
  it.each([
    ["not text", 42, "malformed_pem"],
    ["plain text", "hello", "malformed_pem"],
    [
      "a certificate instead of a request",
      "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----",
      "malformed_pem",
    ],
    [
      "bad base64",
      "-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----",
      "malformed_pem",
    ],
    ["no end line", "-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n", "malformed_pem"],
    ["an empty SEQUENCE", derToPem(Buffer.of(0x30, 0x00), "CERTIFICATE REQUEST"), "invalid_csr"],
    ["an INTEGER", derToPem(Buffer.of(0x02, 0x01, 0x01), "CERTIFICATE REQUEST"), "malformed_pem"],
    [
      "a BER indefinite length",
      derToPem(Buffer.of(0x30, 0x80, 0x00, 0x00), "CERTIFICATE REQUEST"),
      "malformed_pem",
    ],
    ["66 KiB of text", "A".repeat(66 * 1024), "input_too_large"],
  ])("%s", async (_name, input, code) => {
    expect(await outcome(input)).toBe(code);
  });

  it("refuses trailing bytes and a truncated request", async () => {
    expect(await outcome(derToPem(Buffer.concat([csrDer, Buffer.of(0)]), "CERTIFICATE REQUEST"))).toBe(
      "malformed_pem",
    );
    expect(await outcome(derToPem(csrDer.subarray(0, csrDer.length - 1), "CERTIFICATE REQUEST"))).toBe(
      "malformed_pem",
    );
  });

  it("refuses ASN.1 nested thousands deep, quickly", async () => {
    const deep = derToPem(nested(12_000), "CERTIFICATE REQUEST");
    expect(deep.length).toBeLessThan(64 * 1024);
    const started = performance.now();
    expect(await outcome(deep)).toBe("invalid_csr");
    await expect(parseCertificate(deep.replace(/CERTIFICATE REQUEST/g, "CERTIFICATE"))).rejects.toThrow(
      PkiError,
    );
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it(
    "survives every truncation and 3,000 random corruptions of a real request",
    { timeout: 30_000 },
    async () => {
      const codes = new Set<string>();
      const headerLength = csrDer[1]! & 0x80 ? 2 + (csrDer[1]! & 0x7f) : 2;
      for (let length = headerLength; length < csrDer.length; length++) {
        // A well-formed outer SEQUENCE around truncated content, so the inner structure is what breaks.
        const truncated = sequenceOf(csrDer.subarray(headerLength, length));
        codes.add(await outcome(derToPem(truncated, "CERTIFICATE REQUEST")));
      }
      const next = random(7);
      for (let round = 0; round < 3_000; round++) {
        const corrupted = Buffer.from(csrDer);
        const flips = 1 + Math.floor(next() * 4);
        for (let i = 0; i < flips; i++)
          corrupted[Math.floor(next() * corrupted.length)] = Math.floor(next() * 256);
        codes.add(await outcome(derToPem(corrupted, "CERTIFICATE REQUEST")));
      }
      expect([...codes].filter((code) => !EXPECTED_CODES.has(code))).toEqual([]);
      expect(codes).toContain("csr_signature_invalid");
      expect(codes).toContain("invalid_csr");
    },
  );

  it("reads corrupted certificates only as PkiError", { timeout: 30_000 }, async () => {
    const next = random(11);
    const pem = derToPem(certificateDer, "CERTIFICATE");
    for (let round = 0; round < 200; round++) {
      const corrupted = Buffer.from(certificateDer);
      corrupted[Math.floor(next() * corrupted.length)] = Math.floor(next() * 256);
      const text = derToPem(corrupted, "CERTIFICATE");
      for (const read of [async () => parseCertificate(text), async () => certificateFingerprint(text)]) {
        try {
          await read();
        } catch (error) {
          expect(error).toBeInstanceOf(PkiError);
        }
      }
      await verifyIssuedBy(text, ca.certificatePem).catch((error: unknown) =>
        expect(error).toBeInstanceOf(PkiError),
      );
    }
    expect(await verifyIssuedBy(pem, ca.certificatePem)).toBe(true);
    await expect(parseCertificate("garbage")).rejects.toThrow(
      expect.objectContaining({ code: "malformed_pem" }),
    );
  });
});
