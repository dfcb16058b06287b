export * from "./agent/index.js";
export * from "./link/index.js";
