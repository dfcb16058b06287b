import { createPrivateKey } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encodePem } from "../pem.js";
import { openssl, scratch } from "../test-support.js";
import { KeyUsageFlags, KeyUsagesExtension, X509Certificate } from "../x509.js";
import { bytes } from "./asn1.js";
import { readCertificatesOnly } from "./certificates-only.js";
import { decryptEnvelope } from "./envelope.js";
import { serveScep } from "./http-test-server.js";
import { readPkiMessage } from "./pki-message.js";
import { createScepRaIdentity } from "./ra-identity.js";
import { pkijsWithEngine } from "./pkijs-engine.js";
import { FAIL_INFO, MESSAGE_TYPE, PKI_STATUS } from "./protocol.js";
import { buildRequest, type RequestOptions } from "./test-requests.js";
import { CHALLENGE, rsaKeyPem, scepFixture } from "./test-support.js";

let fixture: Awaited<ReturnType<typeof scepFixture>>;
let http: Awaited<ReturnType<typeof serveScep>>;
let keyPem: string;

beforeAll(async () => {
  fixture = await scepFixture();
  http = await serveScep(fixture.server);
  keyPem = await rsaKeyPem();
});
afterAll(() => http?.close());
beforeEach(() => fixture.reset());

const post = (message: Uint8Array) =>
  fixture.server.handle({ method: "POST", operation: "PKIOperation", message });

async function request(options: Partial<RequestOptions> = {}) {
  return buildRequest({
    raCertificatePem: fixture.ra.certificatePem,
    keyPem,
    challenge: CHALLENGE,
    ...options,
  });
}

/** Reads a CertRep as a client would, checking it is signed by the RA and answers `senderNonce`. */
function readCertRep(body: Uint8Array | string, senderNonce: Uint8Array) {
  expect(body).toBeInstanceOf(Uint8Array);
  const reply = readPkiMessage(body as Uint8Array);
  expect(reply.signatureValid).toBe(true);
  expect(encodePem(reply.signerCertificateDer, "CERTIFICATE")).toBe(fixture.ra.certificatePem);
  expect(reply.attributes.messageType).toBe(MESSAGE_TYPE.certRep);
  expect(Buffer.from(reply.attributes.recipientNonce!)).toEqual(Buffer.from(senderNonce));
  expect(Buffer.from(reply.attributes.senderNonce)).not.toEqual(Buffer.from(senderNonce));
  return reply;
}

describe("GetCACaps and GetCACert over plain HTTP", () => {
  it("lists the capabilities as text", async () => {
    const response = await fetch(`${http.url}?operation=GetCACaps`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const capabilities = (await response.text()).trim().split("\n");
    for (const capability of [
      "POSTPKIOperation",
      "SHA-256",
      "SHA-1",
      "AES",
      "DES3",
      "SCEPStandard",
      "Renewal",
    ])
      expect(capabilities).toContain(capability);
  });

  it("hands out the RA and CA certificates in a PKCS#7 that openssl reads", async () => {
    const response = await fetch(`${http.url}?operation=GetCACert`);
    expect(response.headers.get("content-type")).toBe("application/x-x509-ca-ra-cert");
    const files = scratch();
    const printed = openssl([
      "pkcs7",
      "-inform",
      "DER",
      "-print_certs",
      "-in",
      files.write("caps.p7", bytes(await response.arrayBuffer())),
    ]);
    expect(printed).toContain("subject=CN = Meridian SCEP RA");
    expect(printed).toContain("subject=CN = Acme Devices CA");
    const raFile = files.write("ra.pem", fixture.ra.certificatePem);
    expect(
      openssl(["verify", "-CAfile", files.write("ca.pem", fixture.ca.certificatePem), raFile]),
    ).toContain("OK");
  });

  it("gives the RA an RSA-2048 key certified for signing and key encipherment only", () => {
    const ra = new X509Certificate(fixture.ra.certificatePem);
    expect(ra.getExtension(KeyUsagesExtension)?.usages).toBe(
      KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment,
    );
    expect(ra.getExtension("2.5.29.37")).toBeNull();
    expect(createPrivateKey(fixture.ra.privateKeyPem).asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it("answers 400 to an unknown operation", async () => {
    const response = await fetch(`${http.url}?operation=GetEverything`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Unknown SCEP operation");
  });
});

describe("PKIOperation", () => {
  it.each([
    ["percent-encoded", encodeURIComponent],
    // Some clients put base64 in the query as it is; a query parser then reads each "+" as a space.
    ["unencoded, with + read as a space", (base64: string) => base64],
  ])("issues through GET with a base64 message, %s", async (_name, encode) => {
    const { message, senderNonce, identity } = await request();
    const base64 = Buffer.from(message).toString("base64");
    expect(base64).toContain("+");
    const response = await fetch(`${http.url}?operation=PKIOperation&message=${encode(base64)}`);
    expect(response.headers.get("content-type")).toBe("application/x-pki-message");
    const reply = readCertRep(bytes(await response.arrayBuffer()), senderNonce);
    expect(reply.attributes.pkiStatus).toBe(PKI_STATUS.success);
    const { content } = decryptEnvelope(reply.content!, {
      certificate: pkijsWithEngine().Certificate.fromBER(identity.selfSignedDer),
      privateKey: createPrivateKey(keyPem),
    });
    const [issued] = readCertificatesOnly(content, "issued certificate");
    expect(encodePem(issued!, "CERTIFICATE")).toBe(fixture.issued[0]!.certificate.certificatePem);
  });

  it("answers a RenewalReq signed with a certificate it issued, and tells authorize", async () => {
    const first = await request();
    const firstReply = readCertRep((await post(first.message)).body, first.senderNonce);
    const { content } = decryptEnvelope(firstReply.content!, {
      certificate: pkijsWithEngine().Certificate.fromBER(first.identity.selfSignedDer),
      privateKey: createPrivateKey(keyPem),
    });
    const oldCertificatePem = encodePem(readCertificatesOnly(content, "issued")[0]!, "CERTIFICATE");
    fixture.reset();

    const newKeyPem = await rsaKeyPem();
    const renewal = await request({
      keyPem: newKeyPem,
      messageType: MESSAGE_TYPE.renewalReq,
      signer: { certificatePem: oldCertificatePem, privateKeyPem: keyPem },
    });
    const reply = readCertRep((await post(renewal.message)).body, renewal.senderNonce);
    expect(reply.attributes.pkiStatus).toBe(PKI_STATUS.success);
    expect(fixture.authorized).toMatchObject([
      { messageType: "RenewalReq", signerCertificatePem: oldCertificatePem },
    ]);
    expect(fixture.issued).toHaveLength(1);
  });

  describe("refuses, issuing nothing", () => {
    it.each([
      ["garbage", () => Uint8Array.from(Buffer.from("this is not DER at all"))],
      ["an empty body", () => new Uint8Array()],
      [
        "a certificate instead of a message",
        () => bytes(new X509Certificate(fixture.ra.certificatePem).rawData),
      ],
    ])("%s with 400 and a reason", async (_name, make) => {
      const answer = await post(make());
      expect(answer.status).toBe(400);
      expect(answer.contentType).toMatch(/^text\/plain/);
      expect(String(answer.body).length).toBeGreaterThan(10);
      expect(fixture.authorized).toEqual([]);
      expect(fixture.issued).toEqual([]);
    });

    it("a truncated message with 400", async () => {
      const { message } = await request();
      const answer = await post(message.subarray(0, message.length - 40));
      expect(answer.status).toBe(400);
      expect(fixture.issued).toEqual([]);
    });

    it("a message over 64 KiB with 400 before parsing it", async () => {
      const answer = await post(new Uint8Array(65 * 1024).fill(0x30));
      expect(answer).toMatchObject({ status: 400, body: expect.stringContaining("larger than 65536 bytes") });
      const viaGet = await fixture.server.handle({
        method: "GET",
        operation: "PKIOperation",
        message: "A".repeat(100_000),
      });
      expect(viaGet.status).toBe(400);
    });

    it("a GET whose message is not base64 with 400", async () => {
      const answer = await fixture.server.handle({
        method: "GET",
        operation: "PKIOperation",
        message: "%%%not base64%%%",
      });
      expect(answer).toMatchObject({ status: 400, body: expect.stringContaining("base64") });
    });

    const failure = async (options: Partial<RequestOptions>, failInfo: keyof typeof FAIL_INFO) => {
      const built = await request(options);
      const answer = await post(built.message);
      expect(answer.status).toBe(200);
      const reply = readCertRep(answer.body, built.senderNonce);
      expect(reply.attributes.pkiStatus).toBe(PKI_STATUS.failure);
      expect(reply.attributes.failInfo).toBe(FAIL_INFO[failInfo]);
      expect(reply.content).toBeUndefined();
      expect(fixture.issued).toEqual([]);
      return fixture.refused[0]!;
    };

    it("a wrong challenge with FAILURE badRequest, after authorize said no", async () => {
      const refusal = await failure({ challenge: "wrong" }, "badRequest");
      expect(refusal.reason).toContain("challenge");
      expect(fixture.authorized).toMatchObject([{ challenge: "wrong" }]);
    });

    it("a request without a challenge with FAILURE badRequest", async () => {
      await failure({ challenge: undefined }, "badRequest");
      expect(fixture.authorized).toMatchObject([{ challenge: undefined }]);
    });

    it("a message type other than PKCSReq or RenewalReq with FAILURE badRequest", async () => {
      const refusal = await failure({ messageType: 21 }, "badRequest");
      expect(refusal.reason).toContain("Message type 21");
      expect(fixture.authorized).toEqual([]);
    });

    it("a signature made with another key than its certificate's with FAILURE badMessageCheck", async () => {
      const selfSigned = await request();
      const otherKeyPem = await rsaKeyPem();
      const refusal = await failure(
        {
          signer: {
            certificatePem: encodePem(selfSigned.identity.selfSignedDer, "CERTIFICATE"),
            privateKeyPem: otherKeyPem,
          },
        },
        "badMessageCheck",
      );
      expect(refusal.reason).toContain("signature");
      expect(fixture.authorized).toEqual([]);
    });

    it("an envelope for another recipient with FAILURE badMessageCheck", async () => {
      // A second RA from the same CA: same issuer, other serial number and key.
      const other = await createScepRaIdentity(fixture.ca);
      const refusal = await failure({ encryptTo: other.certificatePem }, "badMessageCheck");
      expect(refusal.reason).toContain("RA certificate");
      expect(fixture.authorized).toEqual([]);
    });

    it("an envelope whose content is not a certificate request with FAILURE badRequest", async () => {
      await failure({ envelopeContent: Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x00]) }, "badRequest");
      expect(fixture.authorized).toEqual([]);
    });

    it("a RenewalReq signed with a self-signed certificate with FAILURE badMessageCheck", async () => {
      const refusal = await failure({ messageType: MESSAGE_TYPE.renewalReq }, "badMessageCheck");
      expect(refusal.reason).toContain("RenewalReq");
      expect(fixture.authorized).toEqual([]);
    });

    it("a 1024-bit RSA key with FAILURE badRequest from the CA's key policy", async () => {
      const refusal = await failure({ keyPem: await rsaKeyPem(1024) }, "badRequest");
      expect(refusal.reason).toContain("1024 bits");
    });
  });
});
