// For this folder's tests only: hand-built PKIOperation messages, right or wrong in one chosen way.
import { createPrivateKey, randomBytes } from "node:crypto";
import { decodePem } from "../pem.js";
import { cipherByName } from "./content-cipher.js";
import { encryptEnvelope } from "./envelope.js";
import { signPkiMessage } from "./pki-message.js";
import { MESSAGE_TYPE } from "./protocol.js";
import { createRequesterIdentity } from "./requester-identity.js";

export interface RequestOptions {
  raCertificatePem: string;
  keyPem: string;
  challenge?: string;
  subject?: string;
  messageType?: number;
  /** Encrypt to this certificate instead of the RA. */
  encryptTo?: string;
  /** Replace the encrypted CSR with these bytes. */
  envelopeContent?: Uint8Array;
  /** Sign with this certificate and key instead of a self-signed certificate for `keyPem`. */
  signer?: { certificatePem: string; privateKeyPem: string };
}

export async function buildRequest(options: RequestOptions) {
  const identity = await createRequesterIdentity({
    subject: options.subject ?? "CN=test-device",
    challenge: options.challenge,
    privateKeyPem: options.keyPem,
  });
  const recipient = decodePem(options.encryptTo ?? options.raCertificatePem, ["CERTIFICATE"], "recipient");
  const senderNonce = randomBytes(16);
  const message = signPkiMessage({
    content: encryptEnvelope(
      options.envelopeContent ?? identity.csrDer,
      recipient,
      cipherByName("aes-128-cbc"),
    ),
    attributes: {
      messageType: options.messageType ?? MESSAGE_TYPE.pkcsReq,
      transactionId: randomBytes(8).toString("hex"),
      senderNonce,
    },
    signer: options.signer
      ? {
          certificateDer: decodePem(options.signer.certificatePem, ["CERTIFICATE"], "signer"),
          privateKey: createPrivateKey(options.signer.privateKeyPem),
        }
      : { certificateDer: identity.selfSignedDer, privateKey: createPrivateKey(options.keyPem) },
  });
  return { message, senderNonce, identity };
}
