export type { CmsDigest } from "./algorithms.js";
export { prepareCmsSigner, type CmsSigningIdentity, type PreparedCmsSigner } from "./cms-signer.js";
export { decodedCertificate } from "./certificate-keys.js";
export { verifyMdmSignature } from "./mdm-signature.js";
export { readAttachedCmsContent, type VerifiedAttachedCms } from "./read-attached.js";
export { signAttachedCms, signCms, signDetachedCms } from "./sign-cms.js";
export {
  DEFAULT_MAX_SIGNATURE_BYTES,
  verifyDetachedCms,
  type CmsVerifyLimits,
  type VerifiedCmsSignature,
} from "./verify-detached.js";
