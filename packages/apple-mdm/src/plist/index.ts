export { decodePlist, decodePlistDict } from "./decode.js";
export { encodePlist } from "./encode.js";
export { DEFAULT_LIMITS, type PlistLimits } from "./limits.js";
export { isPlistDict, type PlistDict, type PlistValue } from "./value.js";
