import { Counter, Histogram, type Registry } from "prom-client";
import type { PushResult, PushService } from "./push-client.js";

/** Counters and a latency histogram per push service, on the registry the process exposes. */
export interface PushMetrics {
  observe(service: PushService, result: PushResult, seconds: number): void;
}

const byRegistry = new WeakMap<Registry, PushMetrics>();

/**
 * One set of metrics per registry: several clients (one per APNs certificate, say) share it, and
 * prom-client refuses to register a name twice.
 */
export function pushMetrics(registry: Registry): PushMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const sent = new Counter({
    name: "meridian_push_sent_total",
    help: "Notifications the push service accepted.",
    labelNames: ["service"],
    registers: [registry],
  });
  const failed = new Counter({
    name: "meridian_push_failed_total",
    help: "Notifications not delivered, by the service's reason.",
    labelNames: ["service", "outcome", "reason"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "meridian_push_latency_seconds",
    help: "Time from send to the final answer, retries included.",
    labelNames: ["service"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const metrics: PushMetrics = {
    observe(service, result, seconds) {
      latency.observe({ service }, seconds);
      if (result.status === "delivered") sent.inc({ service });
      else failed.inc({ service, outcome: result.status, reason: result.reason });
    },
  };
  byRegistry.set(registry, metrics);
  return metrics;
}

export const noMetrics: PushMetrics = { observe: () => {} };
