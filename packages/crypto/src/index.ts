export { nodeCrypto } from "./node-crypto.js";
export { createSecretBox, loadSecretKey } from "./secret-box.js";
