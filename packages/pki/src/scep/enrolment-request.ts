import { createPublicKey } from "node:crypto";
import type * as Pkijs from "pkijs";
import { PkiError } from "../errors.js";
import { encodePem } from "../pem.js";
import { loadX509 } from "../x509-loader.js";
import { bytes, parseWith } from "./asn1.js";
import { pkijsWithEngine } from "./pkijs-engine.js";
import { OID } from "./protocol.js";

/** What the server reads from the PKCS#10 request inside a PKCSReq, before the CA verifies it. */
export interface EnrolmentRequest {
  csrPem: string;
  /** RFC 4514 text, e.g. "CN=iPhone, O=Acme". */
  subject: string;
  challenge: string | undefined;
  publicKeyType: "rsa" | "ec" | "other";
}

export async function readEnrolmentRequest(der: Uint8Array): Promise<EnrolmentRequest> {
  const pkijs = pkijsWithEngine();
  const request = parseWith(pkijs.CertificationRequest, der, "certificate request");
  const { Name } = await loadX509();
  let subject: string;
  try {
    subject = new Name(bytes(request.subject.toSchema().toBER())).toString();
  } catch (cause) {
    throw new PkiError("invalid_csr", "The certificate request's subject cannot be read.", { cause });
  }
  return {
    csrPem: encodePem(der, "CERTIFICATE REQUEST"),
    subject,
    challenge: challengePassword(request.attributes ?? []),
    publicKeyType: keyType(bytes(request.subjectPublicKeyInfo.toSchema().toBER())),
  };
}

/** PKCS#9 challengePassword is a DirectoryString: any of the string types, read as text. */
function challengePassword(attributes: readonly Pkijs.Attribute[]): string | undefined {
  const found = attributes.filter((attribute) => attribute.type === OID.challengePassword);
  if (found.length === 0) return undefined;
  const value = found.length === 1 && found[0]!.values.length === 1 ? found[0]!.values[0] : undefined;
  const text = (value as { getValue?: () => unknown } | undefined)?.getValue?.();
  if (typeof text !== "string")
    throw new PkiError("invalid_csr", "The request's challengePassword must be one text value.");
  return text;
}

function keyType(spki: Uint8Array): EnrolmentRequest["publicKeyType"] {
  try {
    const type = createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" }).asymmetricKeyType;
    return type === "rsa" || type === "ec" ? type : "other";
  } catch {
    return "other";
  }
}
