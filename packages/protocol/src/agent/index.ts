export * from "./activation.js";
export * from "./commands.js";
export * from "./common.js";
export * from "./inventory.js";
export * from "./policy.js";

/** The agent protocol's version; the server answers every version it still supports. */
export const AGENT_PROTOCOL_VERSION = 1;

/** Paths on the server's device endpoint (reached end to end through the relay). */
export const AGENT_PATHS = {
  activationStart: "/agent/v1/activation/start",
  activationExchange: "/agent/v1/activation/exchange",
  activationFinish: "/agent/v1/activation/finish",
  activationAbort: "/agent/v1/activation/abort",
  hello: "/agent/v1/hello",
  inventory: "/agent/v1/inventory",
  configuration: "/agent/v1/configuration",
  nextCommand: "/agent/v1/commands/next",
  commandResult: (id: string) => `/agent/v1/commands/${id}/result`,
  compliance: "/agent/v1/compliance",
} as const;
