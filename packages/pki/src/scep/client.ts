import { createHash, createPrivateKey, createPublicKey, randomBytes } from "node:crypto";
import { PkiError } from "../errors.js";
import { encodePem } from "../pem.js";
import { bytes } from "./asn1.js";
import { readCertificatesOnly } from "./certificates-only.js";
import { cipherByName, type ContentCipher } from "./content-cipher.js";
import { decryptEnvelope, encryptEnvelope } from "./envelope.js";
import { readPkiMessage, signPkiMessage } from "./pki-message.js";
import { pkijsWithEngine } from "./pkijs-engine.js";
import { failInfoName, MESSAGE_TYPE, PKI_STATUS, type FailInfo } from "./protocol.js";
import { createRequesterIdentity } from "./requester-identity.js";

export interface ScepEnrollOptions {
  /** The SCEP endpoint, e.g. https://mdm.example.com/scep; operations are added as query parameters. */
  url: string;
  /** Defaults to the global fetch; a test or a simulated device may route requests elsewhere. */
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  challenge?: string;
  /** RFC 4514 subject, e.g. "CN=iPhone-42". */
  subject: string;
  /** The RSA key to certify; the public key is derived from it. */
  keys: { privateKeyPem: string };
  /** Defaults to AES-128-CBC, as Apple devices use. */
  cipher?: ContentCipher["name"];
}

/** A FAILURE answer from the SCEP server, with its reason code. */
export class ScepEnrolmentError extends PkiError {
  readonly failInfo: FailInfo | undefined;

  constructor(message: string, failInfo?: FailInfo) {
    super("scep_enrolment_failed", message);
    this.failInfo = failInfo;
  }
}

/**
 * Enrols like a device does: GetCACert, then a PKCSReq signed with a self-signed certificate and
 * encrypted to the RA, then the CertRep's certificate. Returns the issued certificate as PEM.
 */
export async function scepEnroll(options: ScepEnrollOptions): Promise<string> {
  const send = options.fetch ?? fetch;
  const raDer = await fetchRaCertificate(options.url, send);
  const identity = await createRequesterIdentity({
    subject: options.subject,
    challenge: options.challenge,
    privateKeyPem: options.keys.privateKeyPem,
  });
  const privateKey = createPrivateKey(options.keys.privateKeyPem);
  const attributes = {
    messageType: MESSAGE_TYPE.pkcsReq,
    // RFC 8894 3.2.1.1 suggests a hash of the public key, so a retried request keeps its ID.
    transactionId: createHash("sha256").update(identity.spkiDer).digest("hex"),
    senderNonce: randomBytes(16),
  };
  const request = signPkiMessage({
    content: encryptEnvelope(identity.csrDer, raDer, cipherByName(options.cipher ?? "aes-128-cbc")),
    attributes,
    signer: { certificateDer: identity.selfSignedDer, privateKey },
  });
  const response = await send(withOperation(options.url, "PKIOperation"), {
    method: "POST",
    headers: { "content-type": "application/x-pki-message" },
    body: request,
  });
  if (!response.ok)
    throw new ScepEnrolmentError(
      `The SCEP server answered ${response.status}: ${(await response.text()).trim()}`,
    );
  const reply = readPkiMessage(bytes(await response.arrayBuffer()), [raDer]);
  const fromRa = Buffer.from(reply.signerCertificateDer).equals(Buffer.from(raDer));
  if (!reply.signatureValid || !fromRa)
    throw new ScepEnrolmentError("The CertRep is not signed by the RA certificate from GetCACert.");
  const answer = reply.attributes;
  const echoesNonce =
    answer.recipientNonce !== undefined && Buffer.from(answer.recipientNonce).equals(attributes.senderNonce);
  if (
    answer.messageType !== MESSAGE_TYPE.certRep ||
    answer.transactionId !== attributes.transactionId ||
    !echoesNonce
  )
    throw new ScepEnrolmentError(
      "The CertRep does not answer this request (type, transaction ID or nonce differ).",
    );
  if (answer.pkiStatus === PKI_STATUS.failure) {
    const failInfo = answer.failInfo === undefined ? undefined : failInfoName(answer.failInfo);
    throw new ScepEnrolmentError(
      `The SCEP server refused the request (${failInfo ?? "no reason given"}).`,
      failInfo,
    );
  }
  if (answer.pkiStatus !== PKI_STATUS.success || !reply.content)
    throw new ScepEnrolmentError(
      `The SCEP server answered status ${answer.pkiStatus ?? "(none)"}; only SUCCESS is handled.`,
    );
  const { content } = decryptEnvelope(reply.content, {
    certificate: pkijsWithEngine().Certificate.fromBER(identity.selfSignedDer),
    privateKey,
  });
  return encodePem(
    issuedFor(readCertificatesOnly(content, "issued certificate"), identity.spkiDer),
    "CERTIFICATE",
  );
}

async function fetchRaCertificate(
  url: string,
  send: NonNullable<ScepEnrollOptions["fetch"]>,
): Promise<Uint8Array> {
  const response = await send(withOperation(url, "GetCACert"));
  if (!response.ok) throw new ScepEnrolmentError(`GetCACert answered ${response.status}.`);
  const body = bytes(await response.arrayBuffer());
  const type = response.headers.get("content-type") ?? "";
  // A CA that decrypts requests itself answers with its one certificate; otherwise RA and CA come together.
  if (type.startsWith("application/x-x509-ca-cert")) return body;
  const certificates = readCertificatesOnly(body, "GetCACert answer");
  const ra = certificates.find((der) => !isCa(der));
  if (!ra) throw new ScepEnrolmentError("GetCACert did not return an RA certificate.");
  return ra;
}

function isCa(der: Uint8Array): boolean {
  const certificate = pkijsWithEngine().Certificate.fromBER(der);
  const basicConstraints = certificate.extensions?.find((extension) => extension.extnID === "2.5.29.19");
  return (basicConstraints?.parsedValue as { cA?: boolean } | undefined)?.cA === true;
}

function issuedFor(certificates: Uint8Array[], spkiDer: Uint8Array): Uint8Array {
  const ours = certificates.find((der) => {
    const spki = pkijsWithEngine().Certificate.fromBER(der).subjectPublicKeyInfo.toSchema().toBER();
    return createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" }).equals(
      createPublicKey({ key: Buffer.from(spkiDer), format: "der", type: "spki" }),
    );
  });
  if (!ours) throw new ScepEnrolmentError("The CertRep holds no certificate for this device's key.");
  return ours;
}

function withOperation(url: string, operation: string): string {
  const target = new URL(url);
  target.searchParams.set("operation", operation);
  return target.toString();
}
