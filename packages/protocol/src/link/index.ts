export * from "./licence.js";
export * from "./activation-registry.js";
export * from "./push-gateway.js";
