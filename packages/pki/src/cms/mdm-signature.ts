import { PkiError } from "../errors.js";
import {
  DEFAULT_MAX_SIGNATURE_BYTES,
  verifyDetachedCms,
  type CmsVerifyLimits,
  type VerifiedCmsSignature,
} from "./verify-detached.js";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Verifies an Apple MDM request's Mdm-Signature header: base64 of a detached CMS SignedData over the
 * request body, made with the device's identity key. Only the signature is checked here; whether the
 * returned certificate belongs to an enrolled device is for the caller to decide.
 */
export function verifyMdmSignature(
  headerValue: string,
  body: Uint8Array,
  limits: CmsVerifyLimits = {},
): VerifiedCmsSignature {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_SIGNATURE_BYTES;
  // Checked on the text, so that an oversized header is never decoded.
  if (headerValue.length > Math.ceil(maxBytes / 3) * 4)
    throw new PkiError(
      "input_too_large",
      `The Mdm-Signature header is ${headerValue.length} characters; at most ${Math.ceil(maxBytes / 3) * 4} are accepted.`,
    );
  const base64 = headerValue.trim();
  if (base64.length % 4 !== 0 || !BASE64.test(base64))
    throw new PkiError("malformed_signature", "The Mdm-Signature header is not base64.");
  return verifyDetachedCms(Buffer.from(base64, "base64"), body, { ...limits, maxBytes });
}
