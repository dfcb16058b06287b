import { activateDevice, type DeviceCredentials, type DeviceDescription } from "../agent/activate.js";
import type { RelayAndServer } from "./relay-and-server.js";

/** Polls `probe` until it gives a value, or fails naming `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends `type` to the devices in one bulk send and waits until all of them acknowledged it. */
export async function sendToAllAndWait(
  bed: RelayAndServer,
  type: string,
  deviceIds: string[],
): Promise<void> {
  const sent = await bed.api<{ batchId: string }>("POST", "/api/v1/commands", { type, deviceIds });
  await eventually(`${deviceIds.length} ${type} commands acknowledged`, async () => {
    const progress = await bed.api<{ states: Record<string, number> }>(
      "GET",
      `/api/v1/commands/batches/${sent.body.batchId}`,
    );
    return progress.body.states.acknowledged === deviceIds.length ? true : undefined;
  });
}

/** A new user with one activation, through the management API; its password. */
export async function userWithActivation(bed: RelayAndServer, email: string): Promise<string> {
  const user = await bed.api<{ id: string }>("POST", "/api/v1/users", { email });
  const activation = await bed.api<{ password: string }>(
    "POST",
    `/api/v1/users/${user.body.id}/activations`,
    {},
  );
  if (activation.status !== 201) throw new Error(`Creating an activation answered ${activation.status}.`);
  return activation.body.password;
}

/** Activates as a device does, waiting for the relay to learn of a new activation first. */
export function activateWhenKnown(
  bed: RelayAndServer,
  address: string,
  password: string,
  options: { platform?: "android" | "ios" | "macos" | "windows"; device?: DeviceDescription } = {},
): Promise<DeviceCredentials> {
  return eventually(`the relay to know ${address}`, () =>
    activateDevice({
      relay: bed.relayContact,
      address,
      password,
      platform: options.platform ?? "android",
      device: options.device ?? {},
    }).catch((error: { code?: string }) => {
      if (error.code === "no_activation") return undefined;
      throw error;
    }),
  );
}
