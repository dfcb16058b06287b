import { createPrivateKey } from "node:crypto";
import { PkiError } from "../errors.js";
import { decodePem } from "../pem.js";
import { bytes } from "./asn1.js";
import { certificatesOnly } from "./certificates-only.js";
import { answerPkiOperation, type PkiOperationContext } from "./pki-operation.js";
import { pkijsWithEngine } from "./pkijs-engine.js";
import { MAX_MESSAGE_BYTES } from "./protocol.js";
import type { ScepHttpRequest, ScepHttpResponse, ScepServer, ScepServerOptions } from "./server-types.js";

/**
 * What this server does, as GetCACaps lists it. DES3 and SHA-1 are read because deployed clients
 * still send them; replies are signed with SHA-256 and encrypted with the cipher the client used.
 * SHA-384 and SHA-512 are true as well, and listing them matters: strongSwan 5.9's client tests its
 * capability flags by bit position off by one and accepts AES only when it sees SHA-384.
 */
const CAPABILITIES = [
  "POSTPKIOperation",
  "SHA-256",
  "SHA-384",
  "SHA-512",
  "SHA-1",
  "AES",
  "DES3",
  "SCEPStandard",
  "Renewal",
];

const TEXT = "text/plain; charset=utf-8";

/** A SCEP server (RFC 8894) on the tenant CA, independent of any HTTP framework. */
export function createScepServer(options: ScepServerOptions): ScepServer {
  const raDer = decodePem(options.ra.certificatePem, ["CERTIFICATE"], "RA certificate");
  const caDer = decodePem(options.ca.certificatePem, ["CERTIFICATE"], "CA certificate");
  const context: PkiOperationContext = {
    options,
    ra: {
      certificateDer: raDer,
      certificate: pkijsWithEngine().Certificate.fromBER(bytes(raDer)),
      privateKey: createPrivateKey(options.ra.privateKeyPem),
    },
  };
  // The RA first, then the CA: clients take the certificate they encrypt to from the RA position.
  const caRaCertificates = certificatesOnly([raDer, caDer]);

  return {
    async handle(request: ScepHttpRequest): Promise<ScepHttpResponse> {
      switch (request.operation) {
        case "GetCACaps":
          return { status: 200, contentType: TEXT, body: CAPABILITIES.join("\n") + "\n" };
        case "GetCACert":
          return { status: 200, contentType: "application/x-x509-ca-ra-cert", body: caRaCertificates };
        case "PKIOperation":
          return pkiOperation(request, context);
        default:
          return badRequest(
            `Unknown SCEP operation ${JSON.stringify(request.operation)}; use GetCACaps, GetCACert or PKIOperation.`,
          );
      }
    },
  };
}

async function pkiOperation(
  request: ScepHttpRequest,
  context: PkiOperationContext,
): Promise<ScepHttpResponse> {
  let message: Uint8Array;
  try {
    message = messageBytes(request);
  } catch (error) {
    if (error instanceof PkiError) return badRequest(error.message);
    throw error;
  }
  try {
    const reply = await answerPkiOperation(message, context);
    return { status: 200, contentType: "application/x-pki-message", body: reply };
  } catch (error) {
    if (error instanceof PkiError && error.code === "scep_unreadable_message")
      return badRequest(error.message);
    throw error;
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** GET carries base64 in the query string (where "+" may arrive as a space); POST the raw DER. */
function messageBytes(request: ScepHttpRequest): Uint8Array {
  const { method, message } = request;
  const tooLarge = () =>
    new PkiError("input_too_large", `The SCEP message is larger than ${MAX_MESSAGE_BYTES} bytes.`);
  if (method === "POST") {
    if (!(message instanceof Uint8Array) || message.length === 0)
      throw new PkiError("scep_unreadable_message", "A PKIOperation POST needs the message as its body.");
    if (message.length > MAX_MESSAGE_BYTES) throw tooLarge();
    return message;
  }
  if (typeof message !== "string" || message.length === 0)
    throw new PkiError(
      "scep_unreadable_message",
      "A PKIOperation GET needs the message as a base64 `message` parameter.",
    );
  if (message.length > Math.ceil(MAX_MESSAGE_BYTES / 3) * 4 + 1024) throw tooLarge();
  const base64 = message.replace(/ /g, "+").replace(/\s+/g, "");
  if (base64.length % 4 !== 0 || !BASE64.test(base64))
    throw new PkiError("scep_unreadable_message", "The `message` parameter is not base64.");
  const decoded = new Uint8Array(Buffer.from(base64, "base64"));
  if (decoded.length > MAX_MESSAGE_BYTES) throw tooLarge();
  return decoded;
}

function badRequest(reason: string): ScepHttpResponse {
  return { status: 400, contentType: TEXT, body: reason + "\n" };
}
