export { buildApp, DEFAULT_BODY_LIMIT, type AppOptions } from "./app.js";
export { DEFAULT_ADMIN_EMAIL, serverConfigFromEnvironment, type ServerConfig } from "./config.js";
export { startServer, type RunningServer } from "./start.js";
export { formatRelayUrl, parseRelayUrl, type RelaySettings } from "./relay/relay-settings.js";
