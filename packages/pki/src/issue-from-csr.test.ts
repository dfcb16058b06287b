import { beforeAll, describe, expect, it } from "vitest";
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type CertificateAuthority,
} from "./certificate-authority.js";
import { parseCertificate } from "./certificate.js";
import { createCsr } from "./certificate-request.js";
import { generateKeyPair } from "./keys.js";
import { derToPem, openssl, opensslCsr, P256, pemToDer, scratch } from "./test-support.js";
import {
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  X509Certificate,
} from "./x509.js";

let ca: CertificateAuthority;
let caFile: string;

beforeAll(async () => {
  const pems = await createCertificateAuthority({ commonName: "Acme Devices CA", validityDays: 365 });
  ca = await loadCertificateAuthority(pems.certificatePem, pems.privateKeyPem);
  caFile = scratch().write("ca.pem", pems.certificatePem);
});

function opensslVerify(certificatePem: string, purpose: "sslclient" | "sslserver"): string {
  const certFile = scratch().write("cert.pem", certificatePem);
  return openssl(["verify", "-CAfile", caFile, "-purpose", purpose, certFile]);
}

describe("issuing from requests made by openssl", () => {
  it.each([
    ["EC P-256", P256, "ec"],
    ["EC P-384", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"], "ec"],
    ["RSA 2048", ["-newkey", "rsa:2048"], "rsa"],
  ])("accepts a %s request and openssl verifies the client certificate", async (_name, newKey, keyType) => {
    const { csrPem } = opensslCsr(newKey, { subject: "/CN=device-42" });
    const issued = await ca.issueFromCsr(csrPem, { usage: "client", validityDays: 30 });
    expect(opensslVerify(issued.certificatePem, "sslclient")).toContain("OK");
    expect(() => opensslVerify(issued.certificatePem, "sslserver")).toThrow();

    const certificate = new X509Certificate(issued.certificatePem);
    expect(certificate.subject).toBe("CN=device-42");
    expect(certificate.getExtension(ExtendedKeyUsageExtension)?.usages).toEqual(["1.3.6.1.5.5.7.3.2"]);
    const usages = certificate.getExtension(KeyUsagesExtension)!;
    expect(usages.critical).toBe(true);
    const expected =
      keyType === "rsa"
        ? KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment
        : KeyUsageFlags.digitalSignature;
    expect(usages.usages).toBe(expected);
    expect(issued.serialNumber).toMatch(/^[0-9a-f]{32}$/);
    expect((await parseCertificate(issued.certificatePem)).serialNumber).toBe(issued.serialNumber);
  });

  it("issues server certificates from a request when asked", async () => {
    const { csrPem } = opensslCsr(P256, { subject: "/CN=relay.example.test" });
    const issued = await ca.issueFromCsr(csrPem, {
      usage: "server",
      validityDays: 30,
      subjectAltNames: [{ type: "dns", value: "relay.example.test" }],
    });
    expect(opensslVerify(issued.certificatePem, "sslserver")).toContain("OK");
  });

  it("refuses an RSA 1024 request as weak_key", async () => {
    const { csrPem } = opensslCsr(["-newkey", "rsa:1024"]);
    await expect(ca.issueFromCsr(csrPem, { usage: "client", validityDays: 1 })).rejects.toMatchObject({
      name: "PkiError",
      code: "weak_key",
      message: expect.stringMatching(/1024 bits; at least 2048/),
    });
  });

  it.each([
    ["secp256k1", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:secp256k1"]],
    ["P-521", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-521"]],
    ["Ed25519", ["-newkey", "ed25519"]],
  ])("refuses a %s request as unsupported_key", async (_name, newKey) => {
    const { csrPem } = opensslCsr(newKey, { digest: newKey.includes("ed25519") ? null : "sha256" });
    await expect(ca.issueFromCsr(csrPem, { usage: "client", validityDays: 1 })).rejects.toMatchObject({
      code: "unsupported_key",
    });
  });

  it("refuses a request signed with SHA-1", async () => {
    const { csrPem } = opensslCsr(["-newkey", "rsa:2048"], { digest: "sha1" });
    await expect(ca.issueFromCsr(csrPem, { usage: "client", validityDays: 1 })).rejects.toMatchObject({
      code: "unsupported_algorithm",
    });
  });

  it("refuses a request whose subject was altered after signing", async () => {
    const { csrPem } = opensslCsr(P256, { subject: "/CN=device-aaaa" });
    const der = pemToDer(csrPem);
    const at = der.indexOf("device-aaaa");
    der[at + 7] = "b".charCodeAt(0); // still well-formed: device-baaa
    const tampered = derToPem(der, "CERTIFICATE REQUEST");
    await expect(ca.issueFromCsr(tampered, { usage: "client", validityDays: 1 })).rejects.toMatchObject({
      code: "csr_signature_invalid",
    });
  });

  it("refuses a request whose signature was altered", async () => {
    const { csrPem } = opensslCsr(["-newkey", "rsa:2048"]);
    const der = pemToDer(csrPem);
    der[der.length - 10]! ^= 0x01;
    await expect(
      ca.issueFromCsr(derToPem(der, "CERTIFICATE REQUEST"), { usage: "client", validityDays: 1 }),
    ).rejects.toMatchObject({ code: "csr_signature_invalid" });
  });

  it("refuses a request whose key was swapped for another", async () => {
    const signed = opensslCsr(P256).csrPem;
    const other = opensslCsr(P256).csrPem;
    const [signedDer, otherDer] = [pemToDer(signed), pemToDer(other)];
    const keyOf = (der: Buffer) => {
      const start = der.indexOf(Buffer.from("3059301306072a8648ce3d0201", "hex"));
      return [start, start + 0x5b] as const;
    };
    const [from, to] = keyOf(signedDer);
    const [otherFrom, otherTo] = keyOf(otherDer);
    otherDer.copy(signedDer, from, otherFrom, otherTo);
    expect(to - from).toBe(otherTo - otherFrom);
    await expect(
      ca.issueFromCsr(derToPem(signedDer, "CERTIFICATE REQUEST"), { usage: "client", validityDays: 1 }),
    ).rejects.toMatchObject({ code: "csr_signature_invalid" });
  });
});

describe("the CA decides the certificate's contents", () => {
  it("ignores every extension the request asks for", async () => {
    const { csrPem } = opensslCsr(P256, {
      subject: "/CN=sneaky",
      extra: [
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        "-addext",
        "extendedKeyUsage=serverAuth,codeSigning",
        "-addext",
        "subjectAltName=DNS:bank.example.com",
      ],
    });
    expect(openssl(["req", "-noout", "-text"], csrPem)).toMatch(/CA:TRUE/);
    const issued = await ca.issueFromCsr(csrPem, { usage: "client", validityDays: 1 });
    const certificate = new X509Certificate(issued.certificatePem);
    expect(certificate.getExtension(BasicConstraintsExtension)?.ca).toBe(false);
    expect(certificate.getExtension(KeyUsagesExtension)?.usages).toBe(KeyUsageFlags.digitalSignature);
    expect(certificate.getExtension(ExtendedKeyUsageExtension)?.usages).toEqual(["1.3.6.1.5.5.7.3.2"]);
    expect(certificate.getExtension(SubjectAlternativeNameExtension)).toBeNull();
    expect(certificate.extensions.map((e) => e.type).sort()).toEqual(
      ["2.5.29.14", "2.5.29.15", "2.5.29.19", "2.5.29.35", "2.5.29.37"].sort(),
    );
  });

  it("replaces the subject and adds the names and extensions it is given", async () => {
    const { keys } = await generateKeyPair();
    const csrPem = await createCsr({ commonName: "whatever-the-device-says", keys });
    const issued = await ca.issueFromCsr(csrPem, {
      usage: "client",
      validityDays: 7,
      subject: { commonName: "device-0192f3", organization: "Tenant Ü GmbH", country: "DE" },
      subjectAltNames: [
        { type: "uri", value: "urn:uuid:0192f3a0-0000-7000-8000-000000000001" },
        { type: "email", value: "alex@example.test" },
        { type: "ip", value: "fe80::1:2" },
      ],
      extensions: [{ oid: "1.3.6.1.4.1.99999.1", value: Uint8Array.of(0x0c, 0x02, 0x68, 0x69) }],
    });
    const certificate = new X509Certificate(issued.certificatePem);
    expect(certificate.subject).toBe("C=DE, O=Tenant Ü GmbH, CN=device-0192f3");
    expect(certificate.getExtension(SubjectAlternativeNameExtension)?.names.toJSON()).toEqual([
      { type: "url", value: "urn:uuid:0192f3a0-0000-7000-8000-000000000001" },
      { type: "email", value: "alex@example.test" },
      { type: "ip", value: "fe80::1:2" },
    ]);
    const custom = certificate.getExtension("1.3.6.1.4.1.99999.1")!;
    expect(custom.critical).toBe(false);
    expect(Buffer.from(custom.value).toString("hex")).toBe("0c026869");
    expect(opensslVerify(issued.certificatePem, "sslclient")).toContain("OK");
  });

  it("refuses custom extensions that would override the CA's, and bad options", async () => {
    const { keys } = await generateKeyPair();
    const csrPem = await createCsr({ commonName: "device", keys });
    const base = { usage: "client" as const, validityDays: 1 };
    const refusals = [
      {
        ...base,
        extensions: [
          { oid: "2.5.29.19", critical: true, value: Uint8Array.of(0x30, 0x03, 0x01, 0x01, 0xff) },
        ],
      },
      { ...base, extensions: [{ oid: "not-an-oid", value: Uint8Array.of(0x05, 0x00) }] },
      { ...base, extensions: [{ oid: "1.2.3.4", value: Uint8Array.of(0x30, 0x05) }] },
      { ...base, subjectAltNames: [{ type: "dns" as const, value: "bad name" }] },
      { ...base, subjectAltNames: [{ type: "ip" as const, value: "300.1.1.1" }] },
      { ...base, subject: { commonName: "x".repeat(65) } },
      { ...base, subject: { commonName: "line\nbreak" } },
      { ...base, usage: "codeSigning" as never },
      { ...base, validityDays: Number.NaN },
    ];
    for (const options of refusals) {
      await expect(ca.issueFromCsr(csrPem, options), JSON.stringify(options)).rejects.toMatchObject({
        code: "invalid_request",
      });
    }
  });

  it("refuses to issue a certificate that names no one", async () => {
    const { csrPem } = opensslCsr(P256, { subject: "/" });
    await expect(ca.issueFromCsr(csrPem, { usage: "client", validityDays: 1 })).rejects.toMatchObject({
      code: "invalid_request",
    });
    const issued = await ca.issueFromCsr(csrPem, {
      usage: "client",
      validityDays: 1,
      subjectAltNames: [{ type: "uri", value: "urn:meridian:device:1" }],
    });
    expect(openssl(["x509", "-noout", "-text"], issued.certificatePem)).toMatch(
      /Subject Alternative Name: critical/,
    );
  });
});
