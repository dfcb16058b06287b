import { MeridianError, type HeldPushCredentials, type PushCredentialsGateway } from "@meridian/core";

/**
 * Stands in for the relay's push gateway, scopes included (the real one is held to the same
 * behaviour in the relay's tests and in the simulator's Apple and push tests). The identity is
 * the body's `identity`, or "acme-fleet".
 */
export function pushGatewayInMemory(): PushCredentialsGateway & { held: Map<string, HeldPushCredentials> } {
  const held = new Map<string, HeldPushCredentials>();
  const key = (service: string, scope: string) => `${service}\u0000${scope}`;
  return {
    held,
    list: async (scope = "") => [...held.values()].filter((c) => c.scope === "" || c.scope === scope),
    set: async (credentials, scope = "") => {
      const stored: HeldPushCredentials = {
        service: credentials.service,
        identity: typeof credentials.identity === "string" ? credentials.identity : "acme-fleet",
        updatedAt: Date.now(),
        scope,
      };
      held.set(key(credentials.service, scope), stored);
      return stored;
    },
    remove: async (service, scope = "") => {
      if (!held.delete(key(service, scope)))
        throw new MeridianError("not_found", "no_credentials", `No ${service} credentials here.`);
    },
  };
}
