import { collectDefaultMetrics, Gauge, Registry } from "prom-client";

export interface ServerGauges {
  /** Devices waiting on a long poll for their next command. */
  longPolls(): number;
  /** 1 while the relay link is up, 0 otherwise; undefined without a relay. */
  relayLinkUp(): number | undefined;
  /** Device wake-ups by push so far, by outcome. */
  wakes(): Record<"sent" | "delivered" | "invalid" | "failed" | "swept", number>;
}

/** The server's metrics for Prometheus: device connections, the relay link, wake-ups, and the process. */
export function serverRegistry(gauges: ServerGauges): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "meridian_server_" });
  new Gauge({
    name: "meridian_server_long_polls",
    help: "Devices waiting on a long poll for their next command.",
    registers: [registry],
    collect() {
      this.set(gauges.longPolls());
    },
  });
  new Gauge({
    name: "meridian_server_relay_link_up",
    help: "1 while the link to the relay is up, 0 while it is not (absent without a relay).",
    registers: [registry],
    collect() {
      const up = gauges.relayLinkUp();
      if (up === undefined) this.reset();
      else this.set(up);
    },
  });
  new Gauge({
    name: "meridian_server_device_wakes",
    help: "Device wake-ups by push since the server started, by outcome.",
    labelNames: ["outcome"],
    registers: [registry],
    collect() {
      for (const [outcome, n] of Object.entries(gauges.wakes())) this.set({ outcome }, n);
    },
  });
  return registry;
}
