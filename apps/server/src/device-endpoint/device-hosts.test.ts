import type { Store, Tenant } from "@meridian/core";
import { describe, expect, it } from "vitest";
import { DeviceHosts } from "./device-hosts.js";

describe("device hosts", () => {
  const acme = { id: "ten_acme", slug: "acme", name: "Acme" } as Tenant;
  function hostsWithClock() {
    const lookups: string[] = [];
    const store = {
      tenants: {
        getBySlug: async (slug: string) => (lookups.push(slug), slug === "acme" ? acme : undefined),
      },
    } as unknown as Store;
    let now = 0;
    const hosts = new DeviceHosts(store, 5_000, () => now);
    hosts.setDomain("Servers.Relay.Example");
    return { hosts, lookups, advance: (ms: number) => (now += ms) };
  }

  it("finds the tenant from the device host and keeps it for a few seconds", async () => {
    const { hosts, lookups, advance } = hostsWithClock();
    expect(hosts.hostFor(acme)).toBe("acme.servers.relay.example");
    expect(await hosts.tenantFor("ACME.servers.relay.example")).toBe(acme);
    expect(await hosts.tenantFor("acme.servers.relay.example")).toBe(acme);
    expect(lookups).toEqual(["acme"]);
    advance(5_001);
    expect(await hosts.tenantFor("acme.servers.relay.example")).toBe(acme);
    expect(lookups).toEqual(["acme", "acme"]);
  });

  it("knows nothing of names outside its domain, below a tenant, or of unknown tenants", async () => {
    const { hosts, lookups } = hostsWithClock();
    expect(await hosts.tenantFor("acme.elsewhere.example")).toBeUndefined();
    expect(await hosts.tenantFor("a.acme.servers.relay.example")).toBeUndefined();
    expect(await hosts.tenantFor(undefined)).toBeUndefined();
    expect(await hosts.tenantFor("nobody.servers.relay.example")).toBeUndefined();
    expect(await hosts.tenantFor("nobody.servers.relay.example")).toBeUndefined();
    // Unknown names are asked again each time: they are never cached, so they cannot fill memory.
    expect(lookups).toEqual(["nobody", "nobody"]);
  });
});
