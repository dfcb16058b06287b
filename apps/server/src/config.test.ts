import { describe, expect, it } from "vitest";
import { serverConfigFromEnvironment } from "./config.js";

describe("server configuration", () => {
  it("serves metrics only when a port is given, on loopback unless told otherwise", () => {
    expect(serverConfigFromEnvironment({}).metrics).toEqual({ host: "127.0.0.1", port: undefined });
    expect(serverConfigFromEnvironment({ MERIDIAN_METRICS_PORT: "9465" }).metrics?.port).toBe(9465);
    expect(() => serverConfigFromEnvironment({ MERIDIAN_METRICS_PORT: "-1" })).toThrow(
      /MERIDIAN_METRICS_PORT must be a whole number from 0 to 65535/,
    );
  });
});
