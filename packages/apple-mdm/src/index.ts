export * from "./errors.js";
export * from "./plist/index.js";
export * from "./checkin/index.js";
