import { describe, expect, it } from "vitest";
import type { DeviceSummary } from "../../api/types";
import { fleetWarnings } from "./warnings";

const DAY = 86_400_000;
const now = Date.parse("2026-11-28T12:00:00Z");

describe("fleetWarnings", () => {
  it("warns of an APNs push certificate that ends within 30 days, and more loudly once it has", () => {
    const soon = fleetWarnings(undefined, undefined, now, [
      { service: "apns", identity: "com.apple.mgmt.External.abc", expiresAt: now + 10 * DAY },
    ]);
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({
      key: "push-apns",
      color: "yellow",
      title: "The APNs push certificate expires soon",
    });
    expect(soon[0]!.message).toContain("com.apple.mgmt.External.abc");

    const gone = fleetWarnings(undefined, undefined, now, [
      { service: "apns", identity: "com.apple.mgmt.External.abc", expiresAt: now - DAY },
    ]);
    expect(gone[0]).toMatchObject({ color: "red", title: "The APNs push certificate has expired" });
  });

  it("tells a tenant that inherits the server's certificate what it can do, and one with its own to renew it", () => {
    const ends = now + 5 * DAY;
    const [inherited] = fleetWarnings(
      undefined,
      undefined,
      now,
      [{ service: "apns", identity: "com.apple.mgmt.External.op", expiresAt: ends, scope: "server" }],
      false,
    );
    expect(inherited!.message).toMatch(
      /inherits: the service operator renews it, or upload your organisation's own/,
    );
    const [own] = fleetWarnings(
      undefined,
      undefined,
      now,
      [{ service: "apns", identity: "com.apple.mgmt.External.own", expiresAt: ends, scope: "tenant" }],
      false,
    );
    expect(own!.message).toMatch(/renew it at Apple/);
  });

  it("says nothing of certificates with time left, or of keys that do not expire", () => {
    expect(
      fleetWarnings(undefined, undefined, now, [
        { service: "apns", identity: "topic", expiresAt: now + 31 * DAY },
        { service: "fcm", identity: "acme-fleet" },
      ]),
    ).toEqual([]);
  });

  it("warns of Apple devices whose identity ends within a week without renewal, and not when there are none", () => {
    const summary = (appleIdentitiesEndingSoon: number): DeviceSummary => ({
      total: 10,
      byPlatform: { ios: 10 },
      byState: { active: 10 },
      byOsVersion: [],
      byLastContact: { day: 10, week: 0, month: 0, older: 0, never: 0 },
      byCompliance: { compliant: 0, notCompliant: 0, notReported: 10 },
      appleIdentitiesEndingSoon,
    });
    expect(fleetWarnings(undefined, summary(0), now)).toEqual([]);
    const [one] = fleetWarnings(undefined, summary(1), now);
    expect(one).toMatchObject({
      key: "apple-identities",
      title: "1 Apple device has not renewed its identity",
    });
    const [many] = fleetWarnings(undefined, summary(1200), now);
    expect(many!.title).toBe("1,200 Apple devices have not renewed their identity");
    expect(many!.message).toContain("must be enrolled again");
  });
});
