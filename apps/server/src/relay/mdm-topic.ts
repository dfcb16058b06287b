import { apnsScopeOf, mdmTopicFor, type PushCredentialsGateway } from "@meridian/core";

const FRESH_MS = 60_000;

/**
 * A tenant's MDM push topic, read from the APNs certificate the relay holds for it (its own, else
 * the server's; the certificate's UID) and kept a minute per tenant: every enrollment profile names
 * it, and it changes only when an administrator uploads a certificate for another topic (which the
 * relay makes them confirm).
 */
export function mdmTopicAtRelay(gateway: () => PushCredentialsGateway | undefined): MdmTopics {
  const cached = new Map<string, { topic: string | undefined; at: number }>();
  const topicOf = async (tenantId: string) => {
    const fresh = cached.get(tenantId);
    if (fresh && Date.now() - fresh.at < FRESH_MS) return fresh.topic;
    const relay = gateway();
    if (!relay) return undefined;
    const held = await relay.list(apnsScopeOf(tenantId) || undefined);
    const topic = mdmTopicFor(held, tenantId);
    cached.set(tenantId, { topic, at: Date.now() });
    return topic;
  };
  return Object.assign(topicOf, { forget: () => cached.clear() });
}

export interface MdmTopics {
  (tenantId: string): Promise<string | undefined>;
  /** Drops what is kept: an administrator changed an APNs certificate (the server's touches every tenant). */
  forget(): void;
}

/** The gateway, forgetting the kept topics whenever APNs credentials change through it. */
export function refreshingTopics(gateway: PushCredentialsGateway, topics: MdmTopics): PushCredentialsGateway {
  return {
    list: (scope) => gateway.list(scope),
    set: async (credentials, scope) => {
      const held = await gateway.set(credentials, scope);
      if (credentials.service === "apns") topics.forget();
      return held;
    },
    remove: async (service, scope) => {
      await gateway.remove(service, scope);
      if (service === "apns") topics.forget();
    },
  };
}
