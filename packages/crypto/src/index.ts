export { nodeCrypto } from "./node-crypto.js";
export { createSecretBox, loadSecretKey } from "./secret-box.js";
export { ACTIVATION_KDF, deriveActivationScalars } from "./activation-kdf.js";
