export {
  createCertificateAuthority,
  loadCertificateAuthority,
  type CaKeyAndCertificate,
  type CertificateAuthority,
  type IssueForKeyOptions,
  type IssueFromCsrOptions,
  type IssuedServerCertificate,
} from "./certificate-authority.js";
export {
  certificateFingerprint,
  parseCertificate,
  verifyIssuedBy,
  type CertificateSummary,
} from "./certificate.js";
export { createCsr } from "./certificate-request.js";
export { PkiError, type PkiErrorCode } from "./errors.js";
export type { CertificateUsage, CustomExtension } from "./extensions.js";
export type { IssuedCertificate } from "./issue-certificate.js";
export { generateKeyPair, type CryptoKeyPair, type GeneratedKeyPair } from "./keys.js";
export type { SubjectAltName, SubjectName } from "./names.js";
export type { RevokedCertificate } from "./revocation-list.js";
export { normalizeSerialNumber } from "./serial-number.js";
export { issueServerIdentity, type TlsIdentity } from "./server-identity.js";
export {
  createScepRaIdentity,
  createScepServer,
  FAIL_INFO as SCEP_FAIL_INFO,
  scepEnroll,
  ScepEnrolmentError,
  type ContentCipher as ScepContentCipher,
  type FailInfo as ScepFailInfo,
  type ScepAuthorization,
  type ScepAuthorizationRequest,
  type ScepEnrollOptions,
  type ScepHttpRequest,
  type ScepHttpResponse,
  type ScepRaIdentity,
  type ScepServer,
  type ScepServerOptions,
} from "./scep/index.js";
export {
  DEFAULT_MAX_SIGNATURE_BYTES,
  decodedCertificate,
  prepareCmsSigner,
  readAttachedCmsContent,
  signAttachedCms,
  signCms,
  signDetachedCms,
  verifyDetachedCms,
  verifyMdmSignature,
  type CmsDigest,
  type CmsSigningIdentity,
  type CmsVerifyLimits,
  type PreparedCmsSigner,
  type VerifiedAttachedCms,
  type VerifiedCmsSignature,
} from "./cms/index.js";
