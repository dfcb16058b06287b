import type { Registry } from "prom-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PUSH_FIXTURES, type PushFixture } from "./testing/push-fixtures.js";

async function metric(
  registry: Registry,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const found = registry.getSingleMetric(name);
  if (!found) return 0;
  const { values } = await found.get();
  return values
    .filter((value) => Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted))
    .reduce((sum, value) => sum + value.value, 0);
}

// One contract for every push client: each runs it against its own emulator.
describe.each(PUSH_FIXTURES)("push client contract: $name", ({ start }) => {
  let push: PushFixture;
  beforeEach(async () => {
    push = await start();
  });
  afterEach(async () => {
    await push.close();
  });

  it("delivers a wake-up with its data to the device, once, and counts it", async () => {
    const token = push.newDevice();
    const received = push.nextData(token);
    const result = await push.client.send({ token, data: { check_in: "now" } });
    expect(result).toMatchObject({ status: "delivered", attempts: 1 });
    expect(result.status === "delivered" && result.id).toBeTruthy();
    expect(await received).toEqual({ check_in: "now" });
    const service = push.client.service;
    expect(await metric(push.registry, "meridian_push_sent_total", { service })).toBe(1);
    expect(await metric(push.registry, "meridian_push_latency_seconds", { service })).toBeGreaterThan(0);
  });

  it("says a token the service never issued is invalid, without retrying", async () => {
    const result = await push.client.send({ token: push.strangerToken() });
    expect(result).toMatchObject({ status: "token_invalid", reason: push.reasons.stranger, attempts: 1 });
    expect(push.sleeps).toEqual([]);
  });

  it("says an unregistered token is invalid, with the time when the service knows it", async () => {
    const token = push.newDevice();
    const since = new Date(Date.now() - 3_600_000);
    push.unregister(token, since);
    const result = await push.client.send({ token });
    expect(result).toMatchObject({ status: "token_invalid", reason: push.reasons.unregistered });
    if (push.reportsInvalidSince)
      expect(result.status === "token_invalid" && result.invalidSince).toEqual(since);
    const failed = await metric(push.registry, "meridian_push_failed_total", {
      reason: push.reasons.unregistered,
    });
    expect(failed).toBe(1);
  });

  it("waits out a throttle's Retry-After, then delivers", async () => {
    const token = push.newDevice();
    push.faults.failNext({ ...push.errors.throttled, retryAfterSeconds: 3 });
    const result = await push.client.send({ token });
    expect(result).toMatchObject({ status: "delivered", attempts: 2 });
    expect(push.sleeps).toHaveLength(1);
    expect(push.sleeps[0]).toBeGreaterThanOrEqual(3_000);
  });

  it("retries an unavailable service with growing backoff, then delivers", async () => {
    const token = push.newDevice();
    push.faults.failNext(push.errors.unavailable, 2);
    const received = push.nextData(token);
    const result = await push.client.send({ token, data: { n: "1" } });
    expect(result).toMatchObject({ status: "delivered", attempts: 3 });
    expect(push.sleeps).toHaveLength(2);
    expect(push.sleeps[1]!).toBeGreaterThan(push.sleeps[0]!);
    expect(await received).toEqual({ n: "1" });
  });

  it("gives up after the bounded attempts and says to retry later", async () => {
    const token = push.newDevice();
    push.faults.failNext(push.errors.internal, 10);
    const result = await push.client.send({ token });
    expect(result).toMatchObject({ status: "retry_later", attempts: 3 });
    expect(push.faults.applied.error).toBe(3);
    expect(await metric(push.registry, "meridian_push_failed_total", { outcome: "retry_later" })).toBe(1);
  });

  it("does not wait in-line for a Retry-After longer than its limit", async () => {
    const token = push.newDevice();
    push.faults.failNext({ ...push.errors.throttled, retryAfterSeconds: 600 });
    const result = await push.client.send({ token });
    expect(result).toMatchObject({ status: "retry_later", retryAfterMs: 600_000, attempts: 1 });
    expect(push.sleeps).toEqual([]);
  });

  it("reconnects when the connection is cut mid-request, and the push still arrives", async () => {
    const token = push.newDevice();
    expect(await push.client.send({ token })).toMatchObject({ status: "delivered" });
    push.faults.dropNext();
    const received = push.nextData(token);
    const result = await push.client.send({ token, data: { after: "drop" } });
    expect(result).toMatchObject({ status: "delivered", attempts: 2 });
    expect(await received).toEqual({ after: "drop" });
    push.dropConnections();
    expect(await push.client.send({ token })).toMatchObject({ status: "delivered" });
  });

  it("carries many pushes in parallel to many devices", async () => {
    const tokens = Array.from({ length: 40 }, () => push.newDevice());
    const results = await Promise.all(
      tokens.map((token, i) => push.client.send({ token, data: { i: String(i) } })),
    );
    expect(results.every((result) => result.status === "delivered")).toBe(true);
  });

  it("fails sends after close instead of reconnecting", async () => {
    await push.client.close();
    const result = await push.client.send({ token: push.newDevice() });
    expect(result).toMatchObject({ status: "failed", reason: "Closed" });
    expect(result.status === "failed" && result.error.code).toBe("closed");
  });
});
