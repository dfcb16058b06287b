export { formatHostPort, parseHostPort, type HostPort } from "./address.js";
export { parseClientHello, type ClientHelloParse } from "./edge/client-hello.js";
export {
  DeviceEdge,
  type DeviceEdgeEvents,
  type DeviceEdgeOptions,
  type EdgeRefusalReason,
  type RouteDecision,
} from "./edge/device-edge.js";
export { fatalAlert, TlsAlert, type TlsAlertDescription } from "./edge/tls-alert.js";
export { describeError, TunnelError, type TunnelErrorCode } from "./errors.js";
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from "./link/backoff.js";
export type { Credentials } from "./link/dial-relay.js";
export type {
  EnrolmentDecision,
  EnrolmentHandler,
  EnrolmentOutcome,
  EnrolmentReport,
  EnrolmentRequest,
} from "./link/enrolment.js";
export { enrolAtRelay, type EnrolAtRelayOptions } from "./link/enrol-at-relay.js";
export {
  LinkClient,
  type LinkClientEvents,
  type LinkClientOptions,
  type LinkState,
} from "./link/link-client.js";
export {
  LinkHub,
  type LinkAuthorization,
  type LinkHubEvents,
  type LinkHubOptions,
  type LinkPeer,
  type LinkRefusalCode,
} from "./link/link-hub.js";
export {
  DEFAULT_FLOW_CONTROL,
  DEFAULT_HEARTBEAT,
  DEFAULT_LINK_PORT,
  type DeviceStreamMeta,
  type FlowControl,
  type HeartbeatOptions,
} from "./link/protocol.js";
export type { IncomingStreamMeta, StreamHandler } from "./link/relay-connection.js";
export { normalizeFingerprint, type RelayTrust, verifyPinnedChain } from "./link/relay-trust.js";
export { connectTcp, parseProxyUrl, type ConnectTcpOptions, type Proxy } from "./proxy/connect-tcp.js";
export { splice, type SpliceOptions } from "./splice.js";
export { watchEventLoop } from "./event-loop-watch.js";
export { startMetricsServer } from "./metrics-server.js";
export { type AgentTrust, fetchPinnedCa, pinnedHttpsAgent, type PinnedTarget } from "./pinned-https.js";
