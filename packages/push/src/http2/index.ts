export { ClientConnection } from "./client-connection.js";
export type { Http2Response, RequestHeaders } from "./stream.js";
