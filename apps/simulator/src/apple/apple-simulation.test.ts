import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, sendToAllAndWait } from "../testing/device-steps.js";
import { runAppleSimulation, type AppleSimulationProgress } from "./apple-simulation.js";
import { startAppleBed, type AppleBed } from "./testing.js";

/** meridian sim ios's engine: a small fleet on one activation, one push stream, answering batch commands. */
describe("runAppleSimulation", () => {
  let apple: AppleBed;

  beforeAll(async () => {
    apple = await startAppleBed();
  });
  afterAll(async () => {
    await apple?.stop();
  });

  it("enrols iPhones on a multi-use activation and keeps them answering pushed commands", async () => {
    const user = await apple.bed.api<{ id: string }>("POST", "/api/v1/users", { email: "fleet@example.com" });
    const activation = await apple.bed.api<{ password: string }>(
      "POST",
      `/api/v1/users/${user.body.id}/activations`,
      { singleUse: false, deviceLimit: 3 },
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // the relay learns of the activation
    const stop = new AbortController();
    const seen: AppleSimulationProgress[] = [];
    const running = runAppleSimulation(
      {
        relay: apple.bed.relayContact,
        platform: "ios",
        count: 3,
        email: "fleet@example.com",
        password: activation.body.password,
        push: apple.push,
        concurrency: 3,
        durationMs: 60_000,
        onProgress: (progress) => seen.push({ ...progress }),
      },
      stop.signal,
    );
    try {
      // The server lists a device from its profile download on; commands wait until it has authenticated.
      await eventually("three enrolled iPhones", async () =>
        seen.at(-1)?.enrolled === 3 ? true : undefined,
      );
      const ids = await eventually("three listed iPhones", async () => {
        const page = await apple.bed.api<{ items: Array<{ id: string }> }>(
          "GET",
          `/api/v1/devices?owner=${user.body.id}`,
        );
        return page.body.items.length === 3 ? page.body.items.map((d) => d.id) : undefined;
      });
      await sendToAllAndWait(apple.bed, "lock", ids);
    } finally {
      stop.abort();
    }
    const result = await running;
    expect(result).toMatchObject({ enrolled: 3, failed: 0 });
    expect(result.pushes).toBeGreaterThanOrEqual(3);
    expect(result.devices.every((device) => device.state.locked)).toBe(true);
    expect(new Set(result.devices.map((device) => device.hardware.serialNumber)).size).toBe(3);
    expect(seen.at(-1)?.commands).toBeGreaterThanOrEqual(3);
    for (const device of result.devices) device.close();
  });
});
