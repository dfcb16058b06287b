import { describe, expect, it } from "vitest";
import { relayConfigFromEnvironment } from "./config.js";

describe("relay configuration", () => {
  it("serves metrics only when a port is given, on loopback unless told otherwise", () => {
    expect(relayConfigFromEnvironment({}).metrics).toEqual({ host: "127.0.0.1", port: undefined });
    expect(relayConfigFromEnvironment({ MERIDIAN_RELAY_METRICS_PORT: "9464" }).metrics).toEqual({
      host: "127.0.0.1",
      port: 9464,
    });
    expect(
      relayConfigFromEnvironment({
        MERIDIAN_RELAY_METRICS_PORT: "9464",
        MERIDIAN_RELAY_METRICS_HOST: "0.0.0.0",
      }).metrics.host,
    ).toBe("0.0.0.0");
  });

  it("refuses a port that is not one, naming the setting", () => {
    expect(() => relayConfigFromEnvironment({ MERIDIAN_RELAY_METRICS_PORT: "metrics" })).toThrow(
      /MERIDIAN_RELAY_METRICS_PORT must be a port number/,
    );
    expect(() => relayConfigFromEnvironment({ MERIDIAN_RELAY_EDGE_PORT: "70000" })).toThrow(
      /MERIDIAN_RELAY_EDGE_PORT/,
    );
  });
});
