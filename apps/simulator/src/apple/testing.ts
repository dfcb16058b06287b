import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApnsEmulator, type ApnsEmulator } from "@meridian/emulators";
import { makeProviderCertificate } from "@meridian/push/testing/provider-certificate";
import type { ServerConfig } from "@meridian/server";
import { DeviceHttpError } from "../agent/https-client.js";
import { eventually } from "../testing/device-steps.js";
import { startRelayAndServer, type ApiCall, type RelayAndServer } from "../testing/relay-and-server.js";
import { AppleDevice, type AppleDeviceOptions } from "./apple-device.js";
import type { ApplePlatform } from "./hardware.js";
import { inProcessPushListener, type ApplePushListener } from "./push-listener.js";

// Short enough for makeProviderCertificate, which puts the topic in a CN of at most 64 characters.
export const MDM_TOPIC = "com.apple.mgmt.External.acme-sim";

export interface AppleBed {
  bed: RelayAndServer;
  apns: ApnsEmulator;
  push: ApplePushListener;
  stop(): Promise<void>;
}

/**
 * A relay and a server on loopback, the relay pushing to a local APNs emulator that trusts an MDM push
 * certificate for MDM_TOPIC, and that certificate uploaded through the management API as an
 * administrator does.
 */
export async function startAppleBed(
  options: {
    server?: Partial<ServerConfig>;
    /** Further MDM push certificates the emulator accepts: other organisations' (tenants'). */
    otherPushCertificates?: string[];
  } = {},
): Promise<AppleBed> {
  const provider = makeProviderCertificate(MDM_TOPIC);
  const apns = await startApnsEmulator({
    trustedClientCertificates: [provider.cert, ...(options.otherPushCertificates ?? [])],
  });
  const caDir = mkdtempSync(join(tmpdir(), "meridian-apns-ca-"));
  writeFileSync(join(caDir, "ca.pem"), apns.ca);
  const bed = await startRelayAndServer({
    relayPush: {
      apnsUrl: apns.url,
      fcmUrl: undefined,
      wnsTokenUrl: undefined,
      wnsChannelHosts: undefined,
      caFile: join(caDir, "ca.pem"),
    },
    ...(options.server ? { server: options.server } : {}),
  });
  const stored = await bed.api<{ identity: string }>("PUT", "/api/v1/push/credentials/apns", {
    certificate: { cert: provider.cert, key: provider.key },
  });
  if (stored.status !== 200) throw new Error(`Storing the APNs certificate answered ${stored.status}.`);
  return {
    bed,
    apns,
    push: inProcessPushListener(apns),
    async stop() {
      await bed.stop();
      await apns.close();
      rmSync(caDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new user with an activation, and one device of `platform` enrolled for them once the relay knows
 * the address; in the first administrator's tenant unless `api` calls as another tenant's.
 */
export async function enrolForNewUser(
  apple: AppleBed,
  email: string,
  platform: ApplePlatform,
  options: Partial<AppleDeviceOptions> = {},
  api: ApiCall = apple.bed.api,
): Promise<{ device: AppleDevice; deviceId: string; userId: string }> {
  const user = await api<{ id: string }>("POST", "/api/v1/users", { email });
  const activation = await api<{ password: string }>("POST", `/api/v1/users/${user.body.id}/activations`, {});
  if (activation.status !== 201) throw new Error(`Creating an activation answered ${activation.status}.`);
  const device = await eventually(`the relay to know ${email}`, () =>
    AppleDevice.enrol({
      relay: apple.bed.relayContact,
      address: email,
      password: activation.body.password,
      platform,
      push: apple.push,
      ...options,
    }).catch((error: unknown) => {
      if (error instanceof DeviceHttpError && error.code === "no_activation") return undefined;
      throw error;
    }),
  );
  const userId = user.body.id;
  const devices = await api<{ items: Array<{ id: string }> }>("GET", `/api/v1/devices?owner=${userId}`);
  return { device, deviceId: devices.body.items[0]!.id, userId };
}

export interface CommandView {
  id: string;
  type: string;
  state: string;
  result: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
}

/** Sends a command through the API and waits until it reaches `state` (acknowledged by default). */
export async function commandEnding(
  bed: RelayAndServer,
  deviceId: string,
  command: { type: string; payload?: Record<string, unknown> },
  state = "acknowledged",
): Promise<CommandView> {
  const sent = await bed.api<{ id: string }>("POST", `/api/v1/devices/${deviceId}/commands`, command);
  if (sent.status !== 201)
    throw new Error(`Sending ${command.type} answered ${sent.status}: ${JSON.stringify(sent.body)}`);
  return commandInState(bed, deviceId, sent.body.id, state);
}

/** Waits for command `id` to reach `state`, read from the device's command list. */
export function commandInState(
  bed: RelayAndServer,
  deviceId: string,
  id: string,
  state = "acknowledged",
  timeoutMs = 20_000,
): Promise<CommandView> {
  let last: CommandView | undefined;
  return eventually(
    `command ${id} to be ${state}`,
    async () => {
      const list = await bed.api<{ items: CommandView[] }>(
        "GET",
        `/api/v1/devices/${deviceId}/commands?limit=100`,
      );
      last = list.body.items.find((item) => item.id === id);
      return last?.state === state ? last : undefined;
    },
    timeoutMs,
  ).catch((error: unknown) => {
    // Say where it stood, so a failure tells more than that time ran out.
    throw new Error(`${(error as Error).message} Last seen: ${JSON.stringify(last ?? "absent")}.`);
  });
}

/**
 * Pushes held back while `hold()` is on and handed over at `release()`: a device out of coverage, to
 * which APNs delivers what it kept once the device is back.
 */
export function heldPushes(inner: ApplePushListener) {
  let held: Array<() => void> | undefined;
  const listener: ApplePushListener = {
    register: (topic, count) => inner.register(topic, count),
    listen: (tokens, onPush, signal, onError) =>
      inner.listen(
        tokens,
        (token, payload) => (held ? held.push(() => onPush(token, payload)) : onPush(token, payload)),
        signal,
        onError,
      ),
  };
  return {
    listener,
    /** Pushes waiting for release. */
    heldCount: () => held?.length ?? 0,
    hold: () => void (held ??= []),
    release: () => {
      const waiting = held ?? [];
      held = undefined;
      for (const deliver of waiting) deliver();
      return waiting.length;
    },
  };
}
