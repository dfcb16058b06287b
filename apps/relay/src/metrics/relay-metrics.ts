import { collectDefaultMetrics, Gauge, Registry } from "prom-client";

export interface RelayGauges {
  /** Live links from servers. */
  serverLinks(): number;
  /** Devices holding the relay's own push channel (asked of its worker processes when it has them). */
  pushChannels(): Promise<number>;
}

/**
 * The relay's metrics for Prometheus: the push clients' counters and latencies (sent, failed by
 * reason), live server links and push channels, and the process's own (CPU, memory, event-loop lag).
 */
export function relayRegistry(gauges: RelayGauges): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "meridian_relay_" });
  new Gauge({
    name: "meridian_relay_server_links",
    help: "Live links from servers to this relay.",
    registers: [registry],
    collect() {
      this.set(gauges.serverLinks());
    },
  });
  new Gauge({
    name: "meridian_relay_push_channels",
    help: "Devices holding the relay's own push channel.",
    registers: [registry],
    async collect() {
      this.set(await gauges.pushChannels());
    },
  });
  return registry;
}
