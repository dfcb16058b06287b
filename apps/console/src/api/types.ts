import type { paths } from "./schema";

type Json<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { "application/json": infer T } } };
}
  ? T
  : never;

export type User = Json<"/api/v1/users/{id}", "get">;
export type Device = Json<"/api/v1/devices", "get">["items"][number];
/** A device as its own page gets it: with when its identity certificate ends. */
export type DeviceDetail = Json<"/api/v1/devices/{id}", "get">;
export type Group = Json<"/api/v1/groups/{id}", "get">;
export type GroupMember = Json<"/api/v1/groups/{id}/members", "get">["items"][number];
export type Command = Json<"/api/v1/commands/{id}", "get">;
export type CommandType = Command["type"];
export type CommandState = Command["state"];
export type Activation = Json<"/api/v1/users/{id}/activations", "get">["items"][number];
export type IssuedActivation = Json<"/api/v1/users/{id}/activations", "post", 201>;
export type Inventory = NonNullable<Json<"/api/v1/devices/{id}/inventory", "get">>;
export type AuditEvent = Json<"/api/v1/audit-events", "get">["items"][number];
export type Administrator = Json<"/api/v1/administrators/{id}", "get">;
export type Role = Json<"/api/v1/roles/{id}", "get">;
export type RelayStatus = Json<"/api/v1/relay", "get">;
export type DeviceSummary = Json<"/api/v1/devices/summary", "get">;
export type DeviceListQuery = NonNullable<paths["/api/v1/devices"]["get"]["parameters"]["query"]>;
export type Platform = Device["platform"];
export type DeviceState = Device["state"];
export type Profile = Json<"/api/v1/profiles/{id}", "get">;
