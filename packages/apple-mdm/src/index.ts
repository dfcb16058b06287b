export * from "./errors.js";
export * from "./plist/index.js";
