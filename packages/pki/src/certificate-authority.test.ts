import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type CertificateAuthority,
} from "./certificate-authority.js";
import { certificateFingerprint, parseCertificate, verifyIssuedBy } from "./certificate.js";
import { createCsr } from "./certificate-request.js";
import { PkiError } from "./errors.js";
import { generateKeyPair } from "./keys.js";
import { openssl, scratch } from "./test-support.js";
import { BasicConstraintsExtension, X509Certificate } from "./x509.js";

let caPems: { certificatePem: string; privateKeyPem: string };
let ca: CertificateAuthority;

beforeAll(async () => {
  caPems = await createCertificateAuthority({
    commonName: "Acme Devices CA",
    organization: "Acme",
    validityDays: 3650,
  });
  ca = await loadCertificateAuthority(caPems.certificatePem, caPems.privateKeyPem);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("certificate authority, checked with openssl", () => {
  it("creates a self-signed root with the CA extensions, critical, and a 16-byte positive serial", async () => {
    const text = openssl(["x509", "-noout", "-text"], caPems.certificatePem);
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text).toMatch(/Subject Key Identifier/);
    expect(text).toMatch(/Subject: O = Acme, CN = Acme Devices CA/);
    expect(text).toMatch(/ecdsa-with-SHA256/);
    expect(text).toMatch(/NIST CURVE: P-256/);
    const serial = (await parseCertificate(caPems.certificatePem)).serialNumber;
    expect(serial).toMatch(/^[4-7][0-9a-f]{31}$/);
    const files = scratch();
    const caFile = files.write("ca.pem", caPems.certificatePem);
    expect(openssl(["verify", "-CAfile", caFile, caFile])).toContain("OK");
  });

  it("reports the same SHA-256 fingerprint as openssl", () => {
    const printed = openssl(["x509", "-noout", "-fingerprint", "-sha256"], caPems.certificatePem);
    const normalized = printed.split("=")[1]!.trim().replace(/:/g, "").toLowerCase();
    expect(ca.fingerprint).toBe(normalized);
    expect(certificateFingerprint(caPems.certificatePem)).toBe(normalized);
  });

  it("issues server certificates that openssl verifies for TLS server use and the host names", async () => {
    const issued = await ca.issueServerCertificate({
      hostNames: ["device.example.test", "10.0.0.7", "2001:db8::1"],
      validityDays: 90,
    });
    const files = scratch();
    const caFile = files.write("ca.pem", caPems.certificatePem);
    const certFile = files.write("server.pem", issued.certificatePem);
    const verifyArgs = ["verify", "-CAfile", caFile, "-purpose", "sslserver"];
    expect(openssl([...verifyArgs, "-verify_hostname", "device.example.test", certFile])).toContain("OK");
    expect(openssl([...verifyArgs, "-verify_ip", "2001:db8::1", certFile])).toContain("OK");
    expect(() => openssl([...verifyArgs, "-verify_hostname", "other.example.test", certFile])).toThrow();

    const text = openssl(["x509", "-noout", "-text"], issued.certificatePem);
    expect(text).toMatch(/DNS:device.example.test, IP Address:10.0.0.7, IP Address:2001:DB8:0:0:0:0:0:1/);
    expect(text).toMatch(/Extended Key Usage:\s+TLS Web Server Authentication/);
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/Authority Key Identifier/);
    // The private key returned is the one the certificate is for.
    const keyFile = files.write("server.key", issued.privateKeyPem);
    const fromKey = openssl(["pkey", "-in", keyFile, "-pubout"]);
    const fromCert = openssl(["x509", "-noout", "-pubkey", "-in", certFile]);
    expect(fromKey).toBe(fromCert);
    expect(await parseCertificate(issued.certificatePem)).toMatchObject({
      commonName: "device.example.test",
      serialNumber: issued.serialNumber,
      notAfter: issued.notAfter,
    });
  });

  it("puts a host name too long for a common name only in a critical subjectAltName", async () => {
    const longName = `${"a".repeat(60)}.${"b".repeat(60)}.example.test`;
    const issued = await ca.issueServerCertificate({ hostNames: [longName], validityDays: 1 });
    const text = openssl(["x509", "-noout", "-text"], issued.certificatePem);
    expect(text).toMatch(/Subject:\s*\n/);
    expect(text).toMatch(/Subject Alternative Name: critical/);
  });

  it("refuses bad host names and validity with invalid_request", async () => {
    await expect(ca.issueServerCertificate({ hostNames: [], validityDays: 1 })).rejects.toMatchObject({
      code: "invalid_request",
    });
    await expect(
      ca.issueServerCertificate({ hostNames: ["bad host"], validityDays: 1 }),
    ).rejects.toMatchObject({
      code: "invalid_request",
    });
    await expect(
      ca.issueServerCertificate({ hostNames: ["ok.test"], validityDays: 0 }),
    ).rejects.toMatchObject({
      code: "invalid_request",
    });
  });

  it("never issues past its own expiry, and refuses to issue once expired", async () => {
    const shortPems = await createCertificateAuthority({ commonName: "Short CA", validityDays: 2 });
    const short = await loadCertificateAuthority(shortPems.certificatePem, shortPems.privateKeyPem);
    const issued = await short.issueServerCertificate({ hostNames: ["a.test"], validityDays: 365 });
    expect(issued.notAfter).toEqual(short.notAfter);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() - 3 * 86_400_000);
    const oldPems = await createCertificateAuthority({ commonName: "Old CA", validityDays: 1 });
    vi.useRealTimers();
    const old = await loadCertificateAuthority(oldPems.certificatePem, oldPems.privateKeyPem);
    await expect(
      old.issueServerCertificate({ hostNames: ["a.test"], validityDays: 1 }),
    ).rejects.toMatchObject({
      code: "ca_expired",
    });
  });
});

describe("loading a CA", () => {
  it("refuses a leaf certificate, a key of another CA and unreadable keys", async () => {
    const leaf = await ca.issueServerCertificate({ hostNames: ["leaf.test"], validityDays: 1 });
    await expect(loadCertificateAuthority(leaf.certificatePem, leaf.privateKeyPem)).rejects.toMatchObject({
      code: "not_a_ca",
    });
    const other = await createCertificateAuthority({ commonName: "Other", validityDays: 10 });
    await expect(loadCertificateAuthority(caPems.certificatePem, other.privateKeyPem)).rejects.toMatchObject({
      code: "key_mismatch",
    });
    await expect(loadCertificateAuthority(caPems.certificatePem, "garbage")).rejects.toMatchObject({
      code: "invalid_private_key",
    });
    const encrypted = openssl(["pkey", "-aes256", "-passout", "pass:secret"], caPems.privateKeyPem);
    await expect(loadCertificateAuthority(caPems.certificatePem, encrypted)).rejects.toBeInstanceOf(PkiError);
  });

  it.each([
    ["RSA 2048", ["-newkey", "rsa:2048"], /sha256WithRSAEncryption/],
    ["P-384 (SEC1 key)", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"], /ecdsa-with-SHA384/],
  ])("loads a %s CA made by openssl and signs with it", async (_name, newKey, algorithm) => {
    const files = scratch();
    openssl([
      "req",
      "-x509",
      ...newKey,
      "-nodes",
      "-days",
      "30",
      "-subj",
      "/O=Elsewhere/CN=Imported CA",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
      "-keyout",
      files.path("ca.key"),
      "-out",
      files.path("ca.pem"),
    ]);
    const sec1 = openssl(["pkey", "-in", files.path("ca.key"), "-traditional"]);
    const imported = await loadCertificateAuthority(files.read("ca.pem"), sec1);
    const { keys } = await generateKeyPair();
    const issued = await imported.issueFromCsr(await createCsr({ commonName: "device-9", keys }), {
      usage: "client",
      validityDays: 10,
    });
    const certFile = files.write("client.pem", issued.certificatePem);
    expect(openssl(["verify", "-CAfile", files.path("ca.pem"), "-purpose", "sslclient", certFile])).toContain(
      "OK",
    );
    expect(openssl(["x509", "-noout", "-text", "-in", certFile])).toMatch(algorithm);
    expect((await parseCertificate(issued.certificatePem)).issuer).toBe("O=Elsewhere, CN=Imported CA");
  });
});

describe("certificate helpers", () => {
  it("parses what openssl reads from the same certificate", async () => {
    const issued = await ca.issueServerCertificate({ hostNames: ["parse.example.test"], validityDays: 30 });
    const summary = await parseCertificate(issued.certificatePem);
    const serial = openssl(["x509", "-noout", "-serial"], issued.certificatePem).trim().split("=")[1]!;
    const endDate = openssl(["x509", "-noout", "-enddate"], issued.certificatePem).trim().split("=")[1]!;
    expect(summary.serialNumber).toBe(serial.toLowerCase());
    expect(summary.notAfter).toEqual(new Date(endDate));
    expect(summary.subject).toBe("CN=parse.example.test");
    expect(summary.issuer).toBe("O=Acme, CN=Acme Devices CA");
    expect(summary.notBefore.getTime()).toBeLessThan(Date.now());
    // @peculiar/x509 reads the certificate this package wrote the same way.
    const certificate = new X509Certificate(issued.certificatePem);
    expect(certificate.getExtension(BasicConstraintsExtension)?.ca).toBe(false);
    expect(await certificate.verify({ publicKey: new X509Certificate(ca.certificatePem).publicKey })).toBe(
      true,
    );
  });

  it("verifies the issuer and the validity window, and nothing else passes", async () => {
    const issued = await ca.issueServerCertificate({ hostNames: ["v.test"], validityDays: 30 });
    expect(await verifyIssuedBy(issued.certificatePem, ca.certificatePem)).toBe(true);
    const otherPems = await createCertificateAuthority({
      commonName: "Acme Devices CA",
      organization: "Acme",
      validityDays: 10,
    });
    expect(await verifyIssuedBy(issued.certificatePem, otherPems.certificatePem)).toBe(false);
    expect(
      await verifyIssuedBy(issued.certificatePem, ca.certificatePem, new Date(Date.now() + 31 * 86_400_000)),
    ).toBe(false);
    expect(
      await verifyIssuedBy(issued.certificatePem, ca.certificatePem, new Date(Date.now() - 3_600_000)),
    ).toBe(false);
  });

  it("makes key pairs and requests that openssl accepts", async () => {
    const generated = await generateKeyPair();
    expect(openssl(["pkey", "-noout", "-text"], generated.privateKeyPem)).toMatch(/NIST CURVE: P-256/);
    expect(openssl(["pkey", "-pubin", "-pubout"], generated.publicKeyPem)).toBe(generated.publicKeyPem);
    const csr = await createCsr({ commonName: "device-7", keys: generated.keys });
    const output = openssl(["req", "-verify", "-noout", "-subject"], csr);
    expect(output).toMatch(/subject=CN = device-7/);
  });
});
