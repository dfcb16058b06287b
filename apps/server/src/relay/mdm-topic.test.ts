import { DEFAULT_TENANT_ID } from "@meridian/core";
import { describe, expect, it } from "vitest";
import { pushGatewayInMemory } from "../testing/push-gateway-in-memory.js";
import { mdmTopicAtRelay, refreshingTopics } from "./mdm-topic.js";

const SERVER_TOPIC = "com.apple.mgmt.External.server";
const TENANT_TOPIC = "com.apple.mgmt.External.tenant";
const TENANT = "01a2236f-0000-7000-8000-00000000000b";

describe("the MDM topic each tenant's devices enrol with", () => {
  it("is the tenant's own certificate's, else the server's, and follows a change at once", async () => {
    const relay = pushGatewayInMemory();
    const topics = mdmTopicAtRelay(() => relay);
    const gateway = refreshingTopics(relay, topics);
    expect(await topics(TENANT)).toBeUndefined();

    await gateway.set({ service: "apns", identity: SERVER_TOPIC });
    expect(await topics(TENANT)).toBe(SERVER_TOPIC);
    expect(await topics(DEFAULT_TENANT_ID)).toBe(SERVER_TOPIC);

    await gateway.set({ service: "apns", identity: TENANT_TOPIC }, TENANT);
    expect(await topics(TENANT)).toBe(TENANT_TOPIC);
    expect(await topics(DEFAULT_TENANT_ID)).toBe(SERVER_TOPIC);

    await gateway.remove("apns", TENANT);
    expect(await topics(TENANT)).toBe(SERVER_TOPIC);
  });

  it("is none for an app's token key, which cannot wake MDM", async () => {
    const relay = pushGatewayInMemory();
    await relay.set({ service: "apns", identity: "com.example.app" });
    expect(await mdmTopicAtRelay(() => relay)(TENANT)).toBeUndefined();
  });
});
