import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFcmEmulator, type FcmEmulator } from "@meridian/emulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgentDevice } from "./agent-device.js";
import { androidProfile } from "./device-profile.js";
import { openPushChannel } from "./push-channel.js";
import { runSimulation } from "../simulation.js";
import {
  activateWhenKnown,
  eventually,
  sendToAllAndWait,
  userWithActivation,
} from "../testing/device-steps.js";
import { startRelayAndServer, type RelayAndServer } from "../testing/relay-and-server.js";

/** An Android device woken through FCM by the relay's push gateway: it never polls. */
describe("devices woken by push through the relay", () => {
  let fcm: FcmEmulator;
  let bed: RelayAndServer;
  let caDir: string;
  let device: AgentDevice;
  let token: string;
  let woken = 0;

  beforeAll(async () => {
    fcm = await startFcmEmulator({ tls: true });
    caDir = mkdtempSync(join(tmpdir(), "meridian-push-ca-"));
    writeFileSync(join(caDir, "ca.pem"), fcm.ca!);
    bed = await startRelayAndServer({
      relayPush: {
        apnsUrl: undefined,
        fcmUrl: fcm.url,
        wnsTokenUrl: undefined,
        wnsChannelHosts: undefined,
        caFile: join(caDir, "ca.pem"),
      },
    });
  });
  afterAll(async () => {
    device?.close();
    await bed?.stop();
    await fcm?.close();
    rmSync(caDir, { recursive: true, force: true });
  });

  it("keeps the FCM credentials at the relay and says which project they are for", async () => {
    const refused = await bed.api<{ code: string }>("PUT", "/api/v1/push/credentials/fcm", {
      serviceAccount: { type: "service_account" },
    });
    expect(refused.status).toBe(422);
    const stored = await bed.api<{ service: string; identity: string }>(
      "PUT",
      "/api/v1/push/credentials/fcm",
      {
        serviceAccount: fcm.createServiceAccount("acme-fleet"),
      },
    );
    expect(stored).toMatchObject({ status: 200, body: { service: "fcm", identity: "acme-fleet" } });
    const listed = await bed.api<{ items: unknown[] }>("GET", "/api/v1/push/credentials");
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toMatch(/PRIVATE KEY/);
    const audit = await bed.api<{ items: Array<{ action: string }> }>(
      "GET",
      "/api/v1/audit-events?action=push.credentials_set",
    );
    expect(audit.body.items.map((e) => e.action)).toEqual(["push.credentials_set"]);
  });

  it("wakes the device by push when a command is sent, and the command ends acknowledged", async () => {
    const password = await userWithActivation(bed, "pushed@example.com");
    const credentials = await activateWhenKnown(bed, "pushed@example.com", password, {
      platform: "android",
      device: { model: "Pixel 9" },
    });
    device = new AgentDevice(credentials, androidProfile(0));
    token = fcm.registerDevice("acme-fleet");
    await device.hello({ service: "fcm", token });
    fcm.deliveries.subscribe(token, (push) => {
      expect(push.data).toEqual({ meridian: "wake" });
      woken++;
      void device.wake().catch(() => undefined);
    });

    const sent = await bed.api<{ id: string }>("POST", `/api/v1/devices/${credentials.deviceId}/commands`, {
      type: "lock",
      payload: { message: "Call IT" },
    });
    expect(sent.status).toBe(201);
    await eventually("the lock to be acknowledged", async () => {
      const command = await bed.api<{ state: string }>("GET", `/api/v1/commands/${sent.body.id}`);
      return command.body.state === "acknowledged" ? true : undefined;
    });
    expect(device.locked).toBe(true);
    expect(woken).toBe(1);
    const push = await bed.api<{ registered: boolean; service: string; lastPushedAt: number | null }>(
      "GET",
      `/api/v1/devices/${credentials.deviceId}/push`,
    );
    expect(push.body).toMatchObject({ registered: true, service: "fcm", invalidAt: null });
    expect(push.body.lastPushedAt).not.toBeNull();
  });

  it("counts what was pushed in the relay's and the server's Prometheus metrics", async () => {
    const scrape = await fetch(`http://${bed.relay.metricsAddress}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await scrape.text();
    expect(text).toMatch(/^meridian_push_sent_total\{service="fcm"\} 1$/m);
    expect(text).toMatch(/^meridian_push_latency_seconds_count\{service="fcm"\} 1$/m);
    expect(text).toMatch(/^meridian_relay_server_links 1$/m);
    expect(text).toMatch(/^meridian_relay_process_resident_memory_bytes \d+/m);
    expect((await fetch(`http://${bed.relay.metricsAddress}/other`)).status).toBe(404);

    const server = await (await fetch(`http://${bed.server.metricsAddress}/metrics`)).text();
    expect(server).toMatch(/^meridian_server_relay_link_up 1$/m);
    expect(server).toMatch(/^meridian_server_device_wakes\{outcome="sent"\} 1$/m);
    expect(server).toMatch(/^meridian_server_long_polls 0$/m);
  });

  it("shows a token FCM has forgotten on the device, and stops pushing to it", async () => {
    fcm.unregisterDevice(token);
    const before = fcm.stats.requests;
    await bed.api("POST", `/api/v1/devices/${device.credentials.deviceId}/commands`, { type: "reboot" });
    const push = await eventually("the token to be marked invalid", async () => {
      const answer = await bed.api<{ invalidReason: string | null }>(
        "GET",
        `/api/v1/devices/${device.credentials.deviceId}/push`,
      );
      return answer.body.invalidReason ? answer.body : undefined;
    });
    expect(push.invalidReason).toBe("UNREGISTERED");
    const afterFirst = fcm.stats.requests;
    expect(afterFirst).toBeGreaterThan(before);
    await bed.api("POST", `/api/v1/devices/${device.credentials.deviceId}/commands`, {
      type: "request_inventory",
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fcm.stats.requests).toBe(afterFirst);
  });

  it("wakes an agent with no vendor push service through the relay's own channel", async () => {
    const password = await userWithActivation(bed, "generic@example.com");
    const credentials = await activateWhenKnown(bed, "generic@example.com", password, {
      platform: "windows",
      device: { model: "Generic agent" },
    });
    const agent = new AgentDevice(credentials, androidProfile(1));
    await agent.hello({ service: "relay" });
    const channel = await openPushChannel(
      bed.relayContact,
      credentials,
      () => void agent.wake().catch(() => undefined),
    );
    try {
      const sent = await bed.api<{ id: string }>("POST", `/api/v1/devices/${credentials.deviceId}/commands`, {
        type: "lock",
      });
      await eventually("the lock to be acknowledged", async () => {
        const command = await bed.api<{ state: string }>("GET", `/api/v1/commands/${sent.body.id}`);
        return command.body.state === "acknowledged" ? true : undefined;
      });
      expect(channel.received).toBe(1);
      expect(agent.locked).toBe(true);
      const push = await bed.api<{ service: string }>("GET", `/api/v1/devices/${credentials.deviceId}/push`);
      expect(push.body.service).toBe("relay");
    } finally {
      channel.close();
      agent.close();
    }
  });

  it("runs a simulated fleet woken only through the relay's channel (meridian sim's default)", async () => {
    const user = await bed.api<{ id: string }>("POST", "/api/v1/users", { email: "fleet@example.com" });
    const activation = await bed.api<{ password: string }>(
      "POST",
      `/api/v1/users/${user.body.id}/activations`,
      { singleUse: false, deviceLimit: 3 },
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // the relay learns of the activation
    const stop = new AbortController();
    const running = runSimulation(
      {
        relay: bed.relayContact,
        email: "fleet@example.com",
        password: activation.body.password,
        platform: "windows",
        count: 3,
        concurrency: 3,
        durationMs: 60_000,
        shareDerivation: true,
      },
      stop.signal,
    );
    try {
      const ids = await eventually("three simulated devices", async () => {
        const page = await bed.api<{ items: Array<{ id: string }> }>(
          "GET",
          `/api/v1/devices?owner=${user.body.id}`,
        );
        return page.body.items.length === 3 ? page.body.items.map((d) => d.id) : undefined;
      });
      // The devices never poll: each looks for commands once when its channel opens, then only when woken.
      for (const type of ["lock", "request_inventory"]) await sendToAllAndWait(bed, type, ids);
    } finally {
      stop.abort();
    }
    const result = await running;
    expect(result).toMatchObject({ activated: 3, failed: 0, commands: 6 });
    // At least the second round came by push, to every device.
    expect(result.wakes).toBeGreaterThanOrEqual(3);
    for (const device of result.devices) device.close();
  });

  it("refuses a push channel to a certificate no registered CA issued", async () => {
    const { createCertificateAuthority, createCsr, generateKeyPair, loadCertificateAuthority } =
      await import("@meridian/pki");
    const rogueKeys = await createCertificateAuthority({ commonName: "Rogue CA", validityDays: 1 });
    const rogue = await loadCertificateAuthority(rogueKeys.certificatePem, rogueKeys.privateKeyPem);
    const keys = await generateKeyPair();
    const issued = await rogue.issueFromCsr(await createCsr({ commonName: "stolen", keys: keys.keys }), {
      validityDays: 1,
      usage: "client",
    });
    const channel = openPushChannel(
      bed.relayContact,
      {
        deviceId: "x",
        endpoint: { edge: bed.relayContact.edge, serverName: "x" },
        caCertificate: rogueKeys.certificatePem,
        certificate: issued.certificatePem,
        privateKey: keys.privateKeyPem,
      },
      () => undefined,
    );
    // TLS 1.3 finishes the client's side of the handshake first, so the channel opens; the relay
    // then says why it refuses and ends it at once. A refused device is never left holding one.
    const opened = await channel;
    const ended = await Promise.race([
      opened.closed.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000)),
    ]);
    opened.close();
    expect(ended).toBe(true);
    expect(opened.received).toBe(0);
  });
});
