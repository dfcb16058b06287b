import { createPrivateKey, createPublicKey, randomBytes, webcrypto } from "node:crypto";
import * as asn1js from "asn1js";
import type * as Pkijs from "pkijs";
import { PkiError } from "../errors.js";
import { loadX509 } from "../x509-loader.js";
import { bytes } from "./asn1.js";
import { pkijsWithEngine } from "./pkijs-engine.js";
import { OID } from "./protocol.js";

/** The device side of an enrolment: its CSR and the throwaway self-signed certificate it signs with. */
export interface RequesterIdentity {
  csrDer: Uint8Array;
  selfSignedDer: Uint8Array;
  spkiDer: Uint8Array;
}

/**
 * Before it has a certificate, a SCEP client signs its request with a self-signed certificate for
 * the key it wants certified (RFC 8894 2.3); the CA then answers by encrypting to that key.
 */
export async function createRequesterIdentity(options: {
  subject: string;
  challenge: string | undefined;
  privateKeyPem: string;
}): Promise<RequesterIdentity> {
  const pkijs = pkijsWithEngine();
  const privateKey = createPrivateKey(options.privateKeyPem);
  if (privateKey.asymmetricKeyType !== "rsa")
    throw new PkiError(
      "unsupported_key",
      "SCEP enrolment needs an RSA key: the CA encrypts its answer to it.",
    );
  const spkiDer = bytes(createPublicKey(privateKey).export({ type: "spki", format: "der" }));
  const signingKey = await webcrypto.subtle.importKey(
    "pkcs8",
    privateKey.export({ type: "pkcs8", format: "der" }),
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const name = await encodeSubject(options.subject);
  const publicKeyInfo = pkijs.PublicKeyInfo.fromBER(spkiDer);

  const csr = new pkijs.CertificationRequest({ subject: name, subjectPublicKeyInfo: publicKeyInfo });
  if (options.challenge !== undefined)
    csr.attributes = [
      new pkijs.Attribute({
        type: OID.challengePassword,
        values: [
          /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(options.challenge)
            ? new asn1js.PrintableString({ value: options.challenge })
            : new asn1js.Utf8String({ value: options.challenge }),
        ],
      }),
    ];
  // pkijs types its keys with the DOM CryptoKey, which this project does not load; it is the same object.
  await csr.sign(signingKey as never, "SHA-256");

  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: new asn1js.Integer({ valueHex: positive(randomBytes(16)) }),
    issuer: name,
    subject: name,
    subjectPublicKeyInfo: publicKeyInfo,
  });
  const now = Date.now();
  certificate.notBefore.value = new Date(now - 5 * 60_000);
  certificate.notAfter.value = new Date(now + 24 * 3600_000);
  await certificate.sign(signingKey as never, "SHA-256");
  return {
    csrDer: bytes(csr.toSchema().toBER()),
    selfSignedDer: bytes(certificate.toSchema().toBER()),
    spkiDer,
  };
}

async function encodeSubject(subject: string): Promise<Pkijs.RelativeDistinguishedNames> {
  const { Name } = await loadX509();
  let der: ArrayBuffer;
  try {
    der = new Name(subject).toArrayBuffer();
  } catch (cause) {
    throw new PkiError(
      "invalid_request",
      `The subject ${JSON.stringify(subject)} is not an RFC 4514 name such as CN=iPhone.`,
      { cause },
    );
  }
  return pkijsWithEngine().RelativeDistinguishedNames.fromBER(der);
}

/** A serial number's first bit is its sign: cleared, with the next set so the INTEGER stays minimal. */
function positive(serial: Uint8Array): ArrayBuffer {
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  return bytes(serial).buffer as ArrayBuffer;
}
