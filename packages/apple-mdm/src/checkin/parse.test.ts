import { describe, expect, it } from "vitest";
import { encodePlist } from "../plist/encode.js";
import type { PlistDict } from "../plist/value.js";
import { vectorBytes, vectorFiles, vectorTable } from "../testing/vectors.js";
import { enrollmentKey } from "./identity.js";
import { parseCheckin } from "./parse.js";
import type { AuthenticateMessage, CheckinMessage } from "./types.js";

function parsed(body: Uint8Array): CheckinMessage {
  const result = parseCheckin(body);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function refusal(dict: PlistDict) {
  const result = parseCheckin(encodePlist(dict));
  return result.ok ? undefined : { code: result.error.code, field: result.error.field };
}

const authenticateByUdid = new Map(
  vectorFiles("nanomdm", ".plist")
    .filter((file) => file.includes("Authenticate"))
    .map((file) => parsed(vectorBytes(file)) as AuthenticateMessage)
    .map((message) => [message.udid, message]),
);

describe("parseCheckin on the shared vectors", () => {
  const rows = vectorTable("nanomdm/expected-decode.txt").filter(([, type]) => type !== "CommandResults");

  it.each(rows)("%s is a %s from %s on topic %s", (file, type, udid, topic) => {
    const message = parsed(vectorBytes(`nanomdm/${file}`));
    expect(message.messageType).toBe(type);
    expect(message.enrollment.udid).toBe(udid);
    expect(enrollmentKey(message)).toBe(udid);
    expect("topic" in message && message.topic).toBe(topic);
  });

  it("covers every check-in vector the table names", () => {
    expect(rows.length).toBe(4);
  });

  it.each(["TokenUpdate.1", "TokenUpdate.2"])(
    "%s comes from a device whose Authenticate matches %s.txt",
    (name) => {
      const message = parsed(vectorBytes(`nanomdm/${name}.plist`));
      const device = authenticateByUdid.get(message.enrollment.udid);
      const expected = Object.fromEntries(vectorTable(`nanomdm/${name}.txt`));
      expect(device).toBeDefined();
      expect(device?.buildVersion).toBe(expected.BuildVersion);
      expect(device?.osVersion).toBe(expected.OSVersion);
      expect(device?.productName).toBe(expected.ProductName);
    },
  );

  it("reads TokenUpdate.1's token, push magic and UnlockToken as bytes", () => {
    const message = parsed(vectorBytes("nanomdm/TokenUpdate.1.plist"));
    if (message.messageType !== "TokenUpdate") throw new Error("expected a TokenUpdate");
    expect(Buffer.isBuffer(message.token)).toBe(true);
    expect(message.token.length).toBe(32);
    expect(message.pushMagic).toBe("CEFDF0BD-E342-4A27-8742-E930EA116B0A");
    expect(Buffer.isBuffer(message.unlockToken)).toBe(true);
    // An unlock token is a keybag: it starts with the DATA/VERS tags.
    expect(message.unlockToken?.subarray(0, 4).toString("latin1")).toBe("DATA");
    expect(message.unlockToken!.length).toBeGreaterThan(1000);
    expect(message.awaitingConfiguration).toBe(false);
  });

  it("reads TokenUpdate.2 (macOS) without an UnlockToken", () => {
    const message = parsed(vectorBytes("nanomdm/TokenUpdate.2.plist"));
    expect(message.messageType).toBe("TokenUpdate");
    expect("unlockToken" in message).toBe(false);
  });

  it("reads Authenticate.2's challenge and device name", () => {
    const message = parsed(vectorBytes("nanomdm/Authenticate.2.plist"));
    if (message.messageType !== "Authenticate") throw new Error("expected Authenticate");
    expect(message.challenge?.toString()).toBe("apple");
    expect(message.deviceName).toBe("Fruit");
    expect(message.serialNumber).toBe("C02MT66KFLHH");
    expect(message.modelName).toBe("iMac");
  });

  it("reads micromdm's TokenUpdate sample", () => {
    const message = parsed(vectorBytes("micromdm/TokenUpdate.checkin_test.plist"));
    if (message.messageType !== "TokenUpdate") throw new Error("expected a TokenUpdate");
    expect(message.token.toString()).toBe("abcde\n");
    expect(enrollmentKey(message)).toBe("BC5E2DA4-7FB6-5E70-9928-4981680DAFBF");
  });
});

describe("parseCheckin on other messages", () => {
  const udid = "0000FE00-1234";

  it("keys a user channel as device:user, and a Shared iPad user by short name", () => {
    const user = parsed(
      encodePlist({
        MessageType: "TokenUpdate",
        UDID: udid,
        UserID: "A1B2",
        UserShortName: "ann",
        UserLongName: "Ann Example",
        Topic: "com.apple.mgmt.x",
        Token: Buffer.from("t"),
        PushMagic: "m",
      }),
    );
    expect(enrollmentKey(user)).toBe(`${udid}:A1B2`);
    expect(user.messageType === "TokenUpdate" && user.userLongName).toBe("Ann Example");
    const shared = parsed(
      encodePlist({
        MessageType: "CheckOut",
        UDID: udid,
        UserID: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
        UserShortName: "student7",
      }),
    );
    expect(enrollmentKey(shared)).toBe(`${udid}:student7`);
  });

  it("keys a User Enrollment by EnrollmentID", () => {
    const message = parsed(
      encodePlist({ MessageType: "Authenticate", EnrollmentID: "ENR-1", Topic: "com.apple.mgmt.x" }),
    );
    expect(enrollmentKey(message)).toBe("ENR-1");
    expect(message.enrollment).toEqual({ enrollmentId: "ENR-1" });
  });

  it("reads the other message types", () => {
    const dm = parsed(
      encodePlist({
        MessageType: "DeclarativeManagement",
        UDID: udid,
        Endpoint: "tokens",
        Data: Buffer.from("{}"),
      }),
    );
    expect(dm).toMatchObject({ messageType: "DeclarativeManagement", endpoint: "tokens" });
    expect(dm.messageType === "DeclarativeManagement" && dm.data?.toString()).toBe("{}");
    const set = parsed(
      encodePlist({ MessageType: "SetBootstrapToken", UDID: udid, BootstrapToken: Buffer.from("b") }),
    );
    expect(set.messageType === "SetBootstrapToken" && set.bootstrapToken?.toString()).toBe("b");
    expect(parsed(encodePlist({ MessageType: "GetBootstrapToken", UDID: udid })).messageType).toBe(
      "GetBootstrapToken",
    );
    const ua = parsed(
      encodePlist({ MessageType: "UserAuthenticate", UDID: udid, UserID: "U", DigestResponse: "r" }),
    );
    expect(ua).toMatchObject({ messageType: "UserAuthenticate", userId: "U", digestResponse: "r" });
    const token = parsed(
      encodePlist({ MessageType: "GetToken", UDID: udid, TokenServiceType: "com.apple.maid" }),
    );
    expect(token).toMatchObject({ messageType: "GetToken", tokenServiceType: "com.apple.maid" });
  });

  it("refuses an unknown MessageType", () => {
    expect(refusal({ MessageType: "Teleport", UDID: udid })?.code).toBe("unknown_message_type");
  });

  it("refuses a message without UDID or EnrollmentID, naming UDID", () => {
    expect(refusal({ MessageType: "Authenticate", Topic: "com.apple.mgmt.x" })).toEqual({
      code: "missing_field",
      field: "UDID",
    });
  });

  it("names the missing or mistyped field", () => {
    expect(refusal({ UDID: udid })).toEqual({ code: "missing_field", field: "MessageType" });
    expect(refusal({ MessageType: "TokenUpdate", UDID: udid, Topic: "t", PushMagic: "m" })).toEqual({
      code: "missing_field",
      field: "Token",
    });
    expect(
      refusal({ MessageType: "TokenUpdate", UDID: udid, Topic: "t", PushMagic: "m", Token: "text" }),
    ).toEqual({
      code: "invalid_field",
      field: "Token",
    });
    expect(refusal({ MessageType: "DeclarativeManagement", UDID: udid })).toEqual({
      code: "missing_field",
      field: "Endpoint",
    });
  });

  it("passes decoding errors through", () => {
    const result = parseCheckin(Buffer.from("<plist><dict>"));
    expect(result.ok || result.error.code).toBe("malformed_plist");
  });
});
