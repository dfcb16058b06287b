import { verifyIssuedBy } from "../certificate.js";
import { PkiError } from "../errors.js";
import { decodePem, encodePem } from "../pem.js";
import { certRepFailure, certRepSuccess } from "./cert-rep.js";
import { decryptEnvelope, type EnvelopeRecipient } from "./envelope.js";
import { readEnrolmentRequest } from "./enrolment-request.js";
import { readPkiMessage, type MessageSigner } from "./pki-message.js";
import { MESSAGE_TYPE, type FailInfo } from "./protocol.js";
import type { ScepServerOptions } from "./server-types.js";

export interface PkiOperationContext {
  options: ScepServerOptions;
  ra: MessageSigner & EnvelopeRecipient;
}

/** Why a readable request was refused: the failInfo sent back, and a reason for the server's logs. */
export interface Refusal {
  failInfo: FailInfo;
  reason: string;
}

/**
 * Answers one PKIOperation message with a CertRep. A message whose signed part cannot be read throws
 * (the transport answers 400): without its transaction ID and nonce there is nothing to reply to.
 * Everything after that is answered with a signed CertRep, FAILURE carrying the reason code.
 */
export async function answerPkiOperation(
  message: Uint8Array,
  context: PkiOperationContext,
): Promise<Uint8Array> {
  const request = readPkiMessage(message);
  // PkiErrors past this point are the request's fault (a bad CSR, a key the CA refuses): badRequest.
  // Anything else (authorize or onIssued failing) is the server's, and rejects for the transport's 500.
  const outcome = await enrol(request, context).catch((error: unknown) => {
    if (error instanceof PkiError) return { failInfo: "badRequest", reason: error.message } as Refusal;
    throw error;
  });
  if ("reply" in outcome) return outcome.reply;
  context.options.onRefused?.(outcome, request.attributes.transactionId);
  return certRepFailure(request.attributes, outcome.failInfo, context.ra);
}

async function enrol(
  request: ReturnType<typeof readPkiMessage>,
  { options, ra }: PkiOperationContext,
): Promise<Refusal | { reply: Uint8Array }> {
  const { attributes } = request;
  if (!request.signatureValid)
    return { failInfo: "badMessageCheck", reason: "The message's signature does not verify." };
  if (attributes.messageType !== MESSAGE_TYPE.pkcsReq && attributes.messageType !== MESSAGE_TYPE.renewalReq)
    return {
      failInfo: "badRequest",
      reason: `Message type ${attributes.messageType} is not supported; send PKCSReq (19) or RenewalReq (17).`,
    };
  if (!request.content) return { failInfo: "badRequest", reason: "The request carries no envelope." };
  let envelope: ReturnType<typeof decryptEnvelope>;
  try {
    envelope = decryptEnvelope(request.content, ra);
  } catch (error) {
    if (!(error instanceof PkiError)) throw error;
    return { failInfo: "badMessageCheck", reason: error.message };
  }
  const csr = await readEnrolmentRequest(envelope.content);

  // A request signed with a certificate this CA issued is a renewal, whichever type it names.
  const signerPem = encodePem(request.signerCertificateDer, "CERTIFICATE");
  const isRenewal = await verifyIssuedBy(signerPem, options.ca.certificatePem).catch(() => false);
  if (attributes.messageType === MESSAGE_TYPE.renewalReq && !isRenewal)
    return {
      failInfo: "badMessageCheck",
      reason: "A RenewalReq must be signed with a valid certificate this CA issued.",
    };

  const decision = await options.authorize({
    challenge: csr.challenge,
    subject: csr.subject,
    publicKeyType: csr.publicKeyType,
    transactionId: attributes.transactionId,
    messageType: attributes.messageType === MESSAGE_TYPE.renewalReq ? "RenewalReq" : "PKCSReq",
    ...(isRenewal ? { signerCertificatePem: signerPem } : {}),
  });
  if (!decision.ok) return { failInfo: decision.failInfo, reason: decision.reason };

  const issued = await options.ca.issueFromCsr(csr.csrPem, {
    usage: "client",
    validityDays: decision.validityDays,
    ...(decision.subject ? { subject: decision.subject } : {}),
  });
  await options.onIssued?.(issued, attributes.transactionId);
  const reply = certRepSuccess({
    request: attributes,
    issuedDer: decodePem(issued.certificatePem, ["CERTIFICATE"], "issued certificate"),
    requesterDer: request.signerCertificateDer,
    cipher: envelope.cipher,
    ra,
  });
  return { reply };
}
