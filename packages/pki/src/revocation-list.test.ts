import { beforeAll, describe, expect, it } from "vitest";
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type CertificateAuthority,
} from "./certificate-authority.js";
import { openssl, scratch } from "./test-support.js";
import { X509Crl, X509Certificate } from "./x509.js";

let ca: CertificateAuthority;
let caFile: string;

beforeAll(async () => {
  const pems = await createCertificateAuthority({ commonName: "Acme Devices CA", validityDays: 365 });
  ca = await loadCertificateAuthority(pems.certificatePem, pems.privateKeyPem);
  caFile = scratch().write("ca.pem", pems.certificatePem);
});

function opensslCrl(crlPem: string, show = ["-text"]): string {
  const crlFile = scratch().write("crl.pem", crlPem);
  return openssl(["crl", "-in", crlFile, "-noout", ...show, "-verify", "-CAfile", caFile]);
}

describe("revocation lists, checked with openssl", () => {
  it("signs a CRL that openssl verifies and that lists every revoked serial", async () => {
    const revokedAt = new Date("2026-03-01T12:00:00Z");
    const issued = await ca.issueServerCertificate({ hostNames: ["revoked.test"], validityDays: 10 });
    const crlPem = await ca.createCrl(
      [
        { serialNumber: issued.serialNumber, revokedAt },
        { serialNumber: "ff", revokedAt }, // high bit set: needs a sign octet in DER
        { serialNumber: "0A", revokedAt }, // upper case is accepted and normalized
      ],
      7,
    );
    const text = opensslCrl(crlPem);
    expect(text).toMatch(/verify OK/);
    const listed = [...text.matchAll(/Serial Number: ([0-9A-F]+)/g)].map((m) => m[1]!.toLowerCase());
    expect(listed).toEqual([issued.serialNumber, "ff", "0a"]);
    expect(text).toMatch(/Revocation Date: Mar {2}1 12:00:00 2026 GMT/);
    expect(text).toMatch(/CRL Number:/);
    expect(text).toMatch(/Authority Key Identifier/);

    const crl = new X509Crl(crlPem);
    expect(await crl.verify({ publicKey: new X509Certificate(ca.certificatePem) })).toBe(true);
    const days = (crl.nextUpdate!.getTime() - crl.thisUpdate.getTime()) / 86_400_000;
    expect(days).toBe(7);
    expect(crl.findRevoked(issued.serialNumber)).not.toBeNull();
  });

  it("signs an empty CRL, lists a serial once, and refuses bad input", async () => {
    expect(opensslCrl(await ca.createCrl([], 1))).toMatch(/No Revoked Certificates/);
    const twice = await ca.createCrl(
      [
        { serialNumber: "0102", revokedAt: new Date("2026-02-01T00:00:00Z") },
        { serialNumber: "01:02", revokedAt: new Date("2026-01-01T00:00:00Z") },
      ],
      1,
    );
    const text = opensslCrl(twice);
    expect(text.match(/Serial Number/g)).toHaveLength(1);
    expect(text).toMatch(/Revocation Date: Jan {2}1 00:00:00 2026 GMT/);
    await expect(ca.createCrl([{ serialNumber: "xyz", revokedAt: new Date() }], 1)).rejects.toMatchObject({
      code: "invalid_request",
    });
    await expect(
      ca.createCrl([{ serialNumber: "01", revokedAt: new Date("nope") }], 1),
    ).rejects.toMatchObject({
      code: "invalid_request",
    });
    await expect(ca.createCrl([], 0)).rejects.toMatchObject({ code: "invalid_request" });
  });

  it("writes a CRL of 20,000 serials quickly, which openssl still verifies", async () => {
    const revoked = Array.from({ length: 20_000 }, (_, i) => ({
      serialNumber: (0x4000_0000 + i).toString(16).padStart(32, "5"),
      revokedAt: new Date(),
    }));
    const started = performance.now();
    const crlPem = await ca.createCrl(revoked, 1);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(opensslCrl(crlPem, [])).toMatch(/verify OK/);
  });
});
