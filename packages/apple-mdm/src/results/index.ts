export * from "./apps.js";
export * from "./certificates.js";
export * from "./device-information.js";
export * from "./inventory.js";
export * from "./profiles.js";
export * from "./report.js";
export * from "./security-info.js";
