import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type CertificateAuthority,
} from "../certificate-authority.js";
import { opensslCsr } from "../test-support.js";
import { ExtendedKeyUsageExtension, X509Certificate } from "../x509.js";
import { createScepRaIdentity } from "./ra-identity.js";

let ca: CertificateAuthority;

beforeAll(async () => {
  const pems = await createCertificateAuthority({ commonName: "Acme Devices CA", validityDays: 365 });
  ca = await loadCertificateAuthority(pems.certificatePem, pems.privateKeyPem);
});

describe("the SCEP RA certificate", () => {
  it("is issued by the tenant CA for the RA's own RSA key, with a name the caller may choose", async () => {
    const ra = await createScepRaIdentity(ca, { commonName: "Acme SCEP RA", validityDays: 10 });
    const certificate = new X509Certificate(ra.certificatePem);
    expect(certificate.subject).toBe("CN=Acme SCEP RA");
    expect(certificate.issuer).toBe("CN=Acme Devices CA");
    expect(certificate.getExtension(ExtendedKeyUsageExtension)).toBeNull();
    const certifiedKey = createPublicKey(ra.certificatePem);
    expect(certifiedKey.equals(createPublicKey(createPrivateKey(ra.privateKeyPem)))).toBe(true);
    expect(certifiedKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it("needs an RSA key: issueForKey refuses scep-ra for an EC key", async () => {
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    await expect(
      ca.issueForKey(publicKey.export({ type: "spki", format: "pem" }).toString(), {
        subject: { commonName: "EC RA" },
        validityDays: 1,
        usage: "scep-ra",
      }),
    ).rejects.toMatchObject({ code: "invalid_request", message: expect.stringContaining("RSA key") });
  });

  it("keeps the CA's key policy for keys it did not make from a request", async () => {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    await expect(
      ca.issueForKey(publicKey.export({ type: "spki", format: "pem" }).toString(), {
        subject: { commonName: "Weak RA" },
        validityDays: 1,
        usage: "scep-ra",
      }),
    ).rejects.toMatchObject({ code: "weak_key" });
  });

  it("leaves client certificates as they were: clientAuth, no RA usage", async () => {
    const { csrPem } = opensslCsr(["-newkey", "rsa:2048"]);
    const issued = await ca.issueFromCsr(csrPem, { usage: "client", validityDays: 1 });
    const usages = new X509Certificate(issued.certificatePem).getExtension(ExtendedKeyUsageExtension)?.usages;
    expect(usages).toEqual(["1.3.6.1.5.5.7.3.2"]);
  });
});
