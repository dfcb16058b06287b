export { scepEnroll, ScepEnrolmentError, type ScepEnrollOptions } from "./client.js";
export type { ContentCipher } from "./content-cipher.js";
export { FAIL_INFO, type FailInfo } from "./protocol.js";
export { createScepRaIdentity, type ScepRaIdentity } from "./ra-identity.js";
export { createScepServer } from "./server.js";
export type {
  ScepAuthorization,
  ScepAuthorizationRequest,
  ScepHttpRequest,
  ScepHttpResponse,
  ScepServer,
  ScepServerOptions,
} from "./server-types.js";
