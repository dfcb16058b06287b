import { verify } from "node:crypto";
import { promisify } from "node:util";
import {
  content,
  decodeObjectIdentifier,
  expectTag,
  MalformedDer,
  readChildren,
  readElement,
  whole,
} from "./der-reader.js";
import { PkiError } from "./errors.js";
import { acceptRequestKey, type CryptoKeyPair, type RequestKeyType } from "./keys.js";
import { checkNameShape } from "./names.js";
import { decodePem } from "./pem.js";
import { loadX509 } from "./x509-loader.js";

const verifyAsync = promisify(verify);

/** A PKCS#10 request signed by `keys`, as a device makes one (ECDSA P-256 or P-384). */
export async function createCsr(options: { commonName: string; keys: CryptoKeyPair }): Promise<string> {
  const { Name, Pkcs10CertificateRequestGenerator } = await loadX509();
  const curve = (options.keys.privateKey.algorithm as { namedCurve?: string }).namedCurve;
  const csr = await Pkcs10CertificateRequestGenerator.create({
    name: new Name([{ CN: [options.commonName] }]),
    keys: options.keys,
    signingAlgorithm: { name: "ECDSA", hash: curve === "P-384" ? "SHA-384" : "SHA-256" },
  });
  return csr.toString("pem") + "\n";
}

/** What the CA takes from a request: its subject and key, as DER. Attributes and extensions are never read. */
export interface VerifiedRequest {
  subject: Uint8Array;
  subjectPublicKeyInfo: Uint8Array;
  keyType: RequestKeyType;
}

/** Signature algorithms accepted on requests: SHA-2 with ECDSA or RSA PKCS#1 v1.5. */
const SIGNATURE_HASHES = new Map([
  ["1.2.840.10045.4.3.2", { hash: "sha256", key: "ec" }],
  ["1.2.840.10045.4.3.3", { hash: "sha384", key: "ec" }],
  ["1.2.840.10045.4.3.4", { hash: "sha512", key: "ec" }],
  ["1.2.840.113549.1.1.11", { hash: "sha256", key: "rsa" }],
  ["1.2.840.113549.1.1.12", { hash: "sha384", key: "rsa" }],
  ["1.2.840.113549.1.1.13", { hash: "sha512", key: "rsa" }],
]);

/**
 * Parses a request from outside, checks its key against the CA's key policy, then checks its
 * self-signature, which proves the requester holds the private key.
 */
export async function readVerifiedRequest(csrPem: unknown): Promise<VerifiedRequest> {
  const der = decodePem(csrPem, ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"], "certificate request");
  const request = parseRequest(der);
  const { key, type } = acceptRequestKey(request.subjectPublicKeyInfo);
  const algorithm = SIGNATURE_HASHES.get(request.signatureAlgorithm);
  if (!algorithm)
    throw new PkiError(
      "unsupported_algorithm",
      `The certificate request is signed with algorithm ${request.signatureAlgorithm}; sign it with SHA-256 (ECDSA or RSA) instead.`,
    );
  const valid =
    algorithm.key === type &&
    (await verifyAsync(algorithm.hash, request.signedPart, key, request.signature).catch(() => false));
  if (!valid)
    throw new PkiError(
      "csr_signature_invalid",
      "The certificate request's signature does not match its key; the request was altered or signed with another key.",
    );
  return { subject: request.subject, subjectPublicKeyInfo: request.subjectPublicKeyInfo, keyType: type };
}

/**
 * CertificationRequest ::= SEQUENCE { certificationRequestInfo, signatureAlgorithm, signature BIT STRING }
 * CertificationRequestInfo ::= SEQUENCE { version INTEGER (0), subject Name, subjectPKInfo, attributes [0] }
 */
function parseRequest(der: Uint8Array) {
  try {
    const outer = readElement(der, 0);
    const [info, algorithm, signature, extra] = readChildren(der, expectTag(outer, 0x30, "request"));
    if (extra) throw new MalformedDer("extra fields");
    const [version, subject, keyInfo, attributes, more] = readChildren(
      der,
      expectTag(info, 0x30, "request info"),
    );
    const versionBytes = content(der, expectTag(version, 0x02, "version"));
    if (versionBytes.length !== 1 || versionBytes[0] !== 0) throw new MalformedDer("version");
    if (more || (attributes && attributes.tag !== 0xa0)) throw new MalformedDer("attributes");
    const subjectDer = whole(der, expectTag(subject, 0x30, "subject"));
    checkNameShape(subjectDer);
    const [oid] = readChildren(der, expectTag(algorithm, 0x30, "signature algorithm"));
    const signatureBits = content(der, expectTag(signature, 0x03, "signature"));
    if (signatureBits[0] !== 0) throw new MalformedDer("signature bits");
    return {
      signedPart: whole(der, info!),
      subject: subjectDer,
      subjectPublicKeyInfo: whole(der, expectTag(keyInfo, 0x30, "public key")),
      signatureAlgorithm: decodeObjectIdentifier(content(der, expectTag(oid, 0x06, "algorithm"))),
      signature: signatureBits.subarray(1),
    };
  } catch (cause) {
    if (!(cause instanceof MalformedDer)) throw cause;
    throw new PkiError(
      "invalid_csr",
      `The certificate request is not a well-formed PKCS#10 request (${cause.message}).`,
      {
        cause,
      },
    );
  }
}
