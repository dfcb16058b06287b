export * from "./licence.js";
export * from "./activation-registry.js";
