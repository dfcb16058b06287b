import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../testing/device-steps.js";
import type { AppleDevice } from "./apple-device.js";
import {
  commandEnding,
  commandInState,
  enrolForNewUser,
  heldPushes,
  startAppleBed,
  type AppleBed,
} from "./testing.js";

/**
 * A command sent to an iPhone is never lost when the relay and the server restart between the send
 * and the device's fetch: the queue is the server's, and the push is only a wake-up.
 */
describe("Apple commands across relay and server restarts", () => {
  let apple: AppleBed;
  let device: AppleDevice;
  let deviceId: string;
  let pushes: ReturnType<typeof heldPushes>;

  const sendOnly = async (type: string) =>
    (await apple.bed.api<{ id: string }>("POST", `/api/v1/devices/${deviceId}/commands`, { type })).body.id;

  beforeAll(async () => {
    apple = await startAppleBed();
    pushes = heldPushes(apple.push);
    ({ device, deviceId } = await enrolForNewUser(apple, "restarts@example.com", "ios", {
      push: pushes.listener,
    }));
    // The first inventory, so that what follows is only what the test sends.
    await commandEnding(apple.bed, deviceId, { type: "request_inventory" });
  });
  afterAll(async () => {
    device?.close();
    await apple?.stop();
  });

  it("delivers commands sent before both restarts, once the held push reaches the device", async () => {
    pushes.hold();
    const lock = await sendOnly("lock");
    const inventory = await sendOnly("request_inventory");
    // The push has gone out through the relay and APNs; the device has not fetched yet.
    await eventually("the push to reach the (held) device", async () =>
      pushes.heldCount() > 0 ? true : undefined,
    );
    await apple.bed.restartRelay();
    await apple.bed.restartServer();
    expect(pushes.release()).toBeGreaterThan(0);
    await commandInState(apple.bed, deviceId, lock, "acknowledged", 30_000);
    await commandInState(apple.bed, deviceId, inventory, "acknowledged", 30_000);
    expect(device.state.locked).toBe(true);
  });

  it("still wakes the device by push after both restarts (the relay kept the APNs certificate)", async () => {
    const before = device.pushes;
    await commandEnding(apple.bed, deviceId, { type: "reboot" });
    expect(device.pushes).toBeGreaterThan(before);
    expect(device.state.restarts).toBe(1);
  });

  it("keeps a command sent while the relay was down, and delivers it at the next push once the relay is back", async () => {
    await apple.bed.relay.stop();
    const inventory = await sendOnly("request_inventory");
    await apple.bed.restartRelay();
    // Its own push was lost with the relay. The server's sweep pushes again after a minute or more
    // (WAKER_DEFAULTS), too slow for this test; the next command's push brings the device in instead.
    await commandEnding(apple.bed, deviceId, { type: "reboot" });
    // In two full-suite runs on a loaded machine the command came only later (cause not found yet;
    // the failure now prints its last state): it must still arrive, by the server's push sweep at worst.
    await commandInState(apple.bed, deviceId, inventory, "acknowledged", 100_000);
  }, 150_000);
});
