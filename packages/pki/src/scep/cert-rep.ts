import { randomBytes } from "node:crypto";
import type { ContentCipher } from "./content-cipher.js";
import { certificatesOnly } from "./certificates-only.js";
import { encryptEnvelope } from "./envelope.js";
import { signPkiMessage, type MessageSigner } from "./pki-message.js";
import { FAIL_INFO, MESSAGE_TYPE, PKI_STATUS, type FailInfo } from "./protocol.js";

/** What a CertRep answers: the request's transaction, nonce and signer. */
export interface AnsweredRequest {
  transactionId: string;
  senderNonce: Uint8Array;
}

/** A CertRep SUCCESS: the issued certificate in a degenerate PKCS#7, encrypted to the requester. */
export function certRepSuccess(options: {
  request: AnsweredRequest;
  issuedDer: Uint8Array;
  requesterDer: Uint8Array;
  cipher: ContentCipher;
  ra: MessageSigner;
}): Uint8Array {
  const envelope = encryptEnvelope(
    certificatesOnly([options.issuedDer]),
    options.requesterDer,
    options.cipher,
  );
  return signPkiMessage({
    content: envelope,
    attributes: replyAttributes(options.request, PKI_STATUS.success),
    signer: options.ra,
  });
}

/** A CertRep FAILURE carries no content, only the reason code among the signed attributes. */
export function certRepFailure(request: AnsweredRequest, failInfo: FailInfo, ra: MessageSigner): Uint8Array {
  return signPkiMessage({
    content: undefined,
    attributes: { ...replyAttributes(request, PKI_STATUS.failure), failInfo: FAIL_INFO[failInfo] },
    signer: ra,
  });
}

function replyAttributes(request: AnsweredRequest, pkiStatus: number) {
  return {
    messageType: MESSAGE_TYPE.certRep,
    transactionId: request.transactionId,
    // RFC 8894 3.2.1.5: the reply echoes the request's nonce and brings a fresh one of its own.
    recipientNonce: request.senderNonce,
    senderNonce: randomBytes(16),
    pkiStatus,
  };
}
