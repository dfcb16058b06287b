import type { ApnsDelivery } from "@meridian/emulators";
import { makeProviderCertificate } from "@meridian/push/testing/provider-certificate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiCall } from "../testing/relay-and-server.js";
import { eventually } from "../testing/device-steps.js";
import type { AppleDevice } from "./apple-device.js";
import { MDM_TOPIC, commandEnding, enrolForNewUser, startAppleBed, type AppleBed } from "./testing.js";

const GLOBEX_TOPIC = "com.apple.mgmt.External.globex-sim";

interface Listing {
  items: Array<{ service: string; identity: string; scope: string }>;
  managesServerCredentials: boolean;
}

/**
 * In cloud mode each organisation uploads its own MDM push certificate: its Apple devices enrol with
 * its topic and are woken with its certificate, through the real relay and the APNs emulator (which
 * refuses a push whose certificate's topic is not the device token's). The operator's certificate
 * stays the server's, for the default tenant and every tenant without its own.
 */
describe("each tenant's own APNs push certificate, through the relay", () => {
  let apple: AppleBed;
  let globex: ApiCall;
  let initech: ApiCall;
  const globexCertificate = makeProviderCertificate(GLOBEX_TOPIC);
  const deliveries: ApnsDelivery[] = [];
  const devices: AppleDevice[] = [];

  const newTenant = async (slug: string) => {
    const administrator = { email: `admin@${slug}.example`, password: `${slug} admin password` };
    const created = await apple.bed.api("POST", "/api/v1/tenants", {
      slug,
      name: slug,
      adminEmail: administrator.email,
      adminPassword: administrator.password,
    });
    expect(created.status).toBe(201);
    return apple.bed.apiAs(administrator);
  };
  const apnsSeenBy = async (api: ApiCall) => {
    const listed = await api<Listing>("GET", "/api/v1/push/credentials");
    expect(listed.status).toBe(200);
    return listed.body.items.find((c) => c.service === "apns");
  };
  /** The pushes a device received, read from the emulator after its command was answered. */
  const pushedTo = (device: AppleDevice) => deliveries.filter((d) => d.token === device.token);

  beforeAll(async () => {
    apple = await startAppleBed({
      server: { cloudMode: true },
      otherPushCertificates: [globexCertificate.cert],
    });
    apple.apns.deliveries.onDelivery((delivery) => deliveries.push(delivery));
    globex = await newTenant("globex");
    initech = await newTenant("initech");
  });
  afterAll(async () => {
    for (const device of devices) device.close();
    await apple?.stop();
  });

  it("lets a tenant's administrator upload its own certificate, confirming that it replaces the inherited topic", async () => {
    expect(await apnsSeenBy(globex)).toMatchObject({ identity: MDM_TOPIC, scope: "server" });
    const upload = (confirmTopicChange?: boolean) =>
      globex<{ code?: string; identity?: string; scope?: string }>("PUT", "/api/v1/push/credentials/apns", {
        certificate: { cert: globexCertificate.cert, key: globexCertificate.key },
        ...(confirmTopicChange === undefined ? {} : { confirmTopicChange }),
      });
    const unconfirmed = await upload();
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.code).toBe("topic_change_unconfirmed");
    const stored = await upload(true);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ identity: GLOBEX_TOPIC, scope: "tenant" });

    expect(await apnsSeenBy(globex)).toMatchObject({ identity: GLOBEX_TOPIC, scope: "tenant" });
    // Neither the operator nor another tenant sees it: they see the server's.
    expect(await apnsSeenBy(apple.bed.api)).toMatchObject({ identity: MDM_TOPIC, scope: "server" });
    expect(await apnsSeenBy(initech)).toMatchObject({ identity: MDM_TOPIC, scope: "server" });
  });

  it("enrols the tenant's devices with its topic and wakes them with its certificate; the operator's still use the server's", async () => {
    const theirs = await enrolForNewUser(apple, "ipad@globex.example", "ios", {}, globex);
    const ours = await enrolForNewUser(apple, "ipad@example.com", "ios");
    const inherited = await enrolForNewUser(apple, "mac@initech.example", "macos", {}, initech);
    devices.push(theirs.device, ours.device, inherited.device);
    expect(theirs.device.profile.mdm.topic).toBe(GLOBEX_TOPIC);
    expect(ours.device.profile.mdm.topic).toBe(MDM_TOPIC);
    expect(inherited.device.profile.mdm.topic).toBe(MDM_TOPIC);

    await commandEnding({ ...apple.bed, api: globex }, theirs.deviceId, { type: "request_inventory" });
    await commandEnding(apple.bed, ours.deviceId, { type: "request_inventory" });
    await commandEnding({ ...apple.bed, api: initech }, inherited.deviceId, { type: "request_inventory" });
    await eventually(
      "the pushes to be seen",
      async () => [theirs, ours, inherited].every(({ device }) => pushedTo(device).length > 0) || undefined,
    );
    expect(new Set(pushedTo(theirs.device).map((d) => d.topic))).toEqual(new Set([GLOBEX_TOPIC]));
    expect(new Set(pushedTo(ours.device).map((d) => d.topic))).toEqual(new Set([MDM_TOPIC]));
    expect(new Set(pushedTo(inherited.device).map((d) => d.topic))).toEqual(new Set([MDM_TOPIC]));
  });

  it("keeps a tenant from removing another's certificate, and from FCM and WNS, which are the operator's", async () => {
    const removed = await initech<{ code: string }>("DELETE", "/api/v1/push/credentials/apns");
    expect(removed.status).toBe(404);
    expect(await apnsSeenBy(globex)).toMatchObject({ identity: GLOBEX_TOPIC, scope: "tenant" });
    expect(await apnsSeenBy(apple.bed.api)).toMatchObject({ identity: MDM_TOPIC, scope: "server" });
    for (const service of ["fcm", "wns"]) {
      const refused = await globex<{ code: string }>("PUT", `/api/v1/push/credentials/${service}`, {
        clientId: "x",
        clientSecret: "y",
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe("push_credentials_operator_only");
    }
    const listed = await globex<Listing>("GET", "/api/v1/push/credentials");
    expect(listed.body.managesServerCredentials).toBe(false);
  });

  it("falls back to the server's certificate once a tenant removes its own", async () => {
    const removed = await globex("DELETE", "/api/v1/push/credentials/apns");
    expect(removed.status).toBe(204);
    expect(await apnsSeenBy(globex)).toMatchObject({ identity: MDM_TOPIC, scope: "server" });
  });
});
