import { PkiError } from "../errors.js";
import { DEFAULT_MAX_BER_DEPTH, MalformedBer } from "./ber.js";
import { readSignedData } from "./read-signed-data.js";
import {
  DEFAULT_MAX_SIGNATURE_BYTES,
  verifySoleSigner,
  type CmsVerifyLimits,
  type VerifiedCmsSignature,
} from "./verify-detached.js";

export interface VerifiedAttachedCms extends VerifiedCmsSignature {
  /** The content the SignedData carries, checked against its one signer. */
  content: Uint8Array;
}

/**
 * Reads a CMS SignedData that carries its content (a signed .mobileconfig, an enrollment profile)
 * and checks its one signer over that content, as a device does before installing a profile. Which
 * CA the signer's certificate must chain to is the caller's to decide. Throws PkiError as
 * verifyDetachedCms does, and malformed_signature when there is no content.
 */
export function readAttachedCmsContent(
  signedData: Uint8Array,
  limits: CmsVerifyLimits & { maxBytes?: number } = {},
): VerifiedAttachedCms {
  // Profiles are larger than request signatures: a CA certificate and a few payloads.
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_SIGNATURE_BYTES * 16;
  if (signedData.length > maxBytes)
    throw new PkiError(
      "input_too_large",
      `The signed data is ${signedData.length} bytes; at most ${maxBytes} are accepted.`,
    );
  try {
    const parts = readSignedData(signedData, limits.maxDepth ?? DEFAULT_MAX_BER_DEPTH);
    if (parts.content === undefined)
      throw new PkiError("malformed_signature", "The SignedData is detached: it carries no content.");
    return { ...verifySoleSigner(parts, parts.content), content: new Uint8Array(parts.content) };
  } catch (error) {
    if (error instanceof MalformedBer)
      throw new PkiError("malformed_signature", `Not a valid CMS SignedData: ${error.message}.`, {
        cause: error,
      });
    throw error;
  }
}
