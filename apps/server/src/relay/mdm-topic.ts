import type { RelayApiClient } from "./relay-api-client.js";

const FRESH_MS = 60_000;

/**
 * The MDM push topic, read from the APNs certificate the relay holds for this server (its UID) and
 * kept a minute: every enrollment profile names it, and it changes only when an administrator
 * replaces the certificate with one for another topic (which the relay makes them confirm).
 */
export function mdmTopicAtRelay(api: () => RelayApiClient | undefined): () => Promise<string | undefined> {
  let cached: { topic: string | undefined; at: number } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < FRESH_MS) return cached.topic;
    const relay = api();
    if (!relay) return undefined;
    const apns = (await relay.listPushCredentials()).find((c) => c.service === "apns");
    // A .p8 token key (an app's topic) cannot wake MDM: only a com.apple.mgmt certificate can.
    const topic = apns?.identity.startsWith("com.apple.mgmt.") ? apns.identity : undefined;
    cached = { topic, at: Date.now() };
    return topic;
  };
}
