import { describe, expect, it } from "vitest";
import { enrollmentKey } from "./checkin/identity.js";
import { parseCheckin } from "./checkin/parse.js";
import { parseReport } from "./results/report.js";
import { vectorBytes, vectorText } from "./testing/vectors.js";

// nanomdm's webhook fixtures carry each device message base64-encoded beside the fields it was read into.
interface WebhookEvent {
  checkin_event?: { udid: string; raw_payload: string };
  acknowledge_event?: { udid: string; status: string; command_uuid: string; raw_payload: string };
}

const event = (file: string) => JSON.parse(vectorText(`nanomdm/${file}`)) as WebhookEvent;

describe("nanomdm webhook vectors", () => {
  it("the Authenticate event's raw payload is Authenticate.2 and parses to the event's UDID", () => {
    const checkin = event("webhook.Authenticate.2.json").checkin_event!;
    const raw = Buffer.from(checkin.raw_payload, "base64");
    expect(raw.equals(vectorBytes("nanomdm/Authenticate.2.plist"))).toBe(true);
    const result = parseCheckin(raw);
    expect(result.ok && result.value.messageType).toBe("Authenticate");
    expect(result.ok && enrollmentKey(result.value)).toBe(checkin.udid);
  });

  it("the acknowledge event's raw payload parses to the event's UDID, status and command", () => {
    const ack = event("webhook.DeviceInformation.1.json").acknowledge_event!;
    const result = parseReport(Buffer.from(ack.raw_payload, "base64"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.enrollment.udid).toBe(ack.udid);
    expect(result.value.status).toBe(ack.status);
    expect(result.value.commandUuid).toBe(ack.command_uuid);
  });
});
