import { DEFAULT_TENANT_ID } from "../tenants/tenant.js";
import type { CredentialService, HeldPushCredentials, PushCredentialsSummary } from "./device-push.js";

/**
 * Apple issues each organisation its own MDM push certificate, so in cloud mode each tenant may hold
 * one at the relay under its own scope. FCM and WNS belong to the app's publisher (the operator) and
 * serve the whole server.
 */
export const TENANT_SCOPED_SERVICES: readonly CredentialService[] = ["apns"];

/** The default tenant's administrators (on premises the only tenant's, in cloud mode the operator's) manage the server's own. */
export const managesServerCredentials = (tenantId: string): boolean => tenantId === DEFAULT_TENANT_ID;

/**
 * The relay scope of a tenant's own APNs credentials. The default tenant's are the server's ("",
 * what every tenant without its own falls back to), so an on-premises server stays as it was.
 */
export const apnsScopeOf = (tenantId: string): string => (managesServerCredentials(tenantId) ? "" : tenantId);

/**
 * What a tenant sees of the credentials the relay holds for `scope` and for the server: for each
 * service its own if it has them, else the server's. Never another tenant's.
 */
export function credentialsSeenBy(held: HeldPushCredentials[], scope: string): PushCredentialsSummary[] {
  const seen: PushCredentialsSummary[] = [];
  for (const service of new Set(held.map((c) => c.service))) {
    const own = scope ? held.find((c) => c.service === service && c.scope === scope) : undefined;
    const used = own ?? held.find((c) => c.service === service && c.scope === "");
    if (!used) continue;
    const { scope: _held, ...rest } = used;
    seen.push({ ...rest, scope: own ? "tenant" : "server" });
  }
  return seen;
}

/** The MDM push topic a tenant's Apple devices enrol with: its own certificate's, else the server's. */
export function mdmTopicFor(held: HeldPushCredentials[], tenantId: string): string | undefined {
  const apns = credentialsSeenBy(held, apnsScopeOf(tenantId)).find((c) => c.service === "apns");
  // A .p8 token key (an app's topic) cannot wake MDM: only a com.apple.mgmt certificate can.
  return apns?.identity.startsWith("com.apple.mgmt.") ? apns.identity : undefined;
}
