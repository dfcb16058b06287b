export * from "./errors.js";
export * from "./plist/index.js";
export * from "./checkin/index.js";
export * from "./commands/index.js";
export * from "./mapping/index.js";
export * from "./results/index.js";
export * from "./enrollment/enrollment-profile.js";
export * from "./profiles/profile-summary.js";
