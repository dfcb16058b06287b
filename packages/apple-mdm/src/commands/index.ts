export { encodeCommand } from "./encode.js";
export * from "./types.js";
export { isUrgentRequestType } from "./urgency.js";
export { validateAppleCommand } from "./validate.js";
