import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePlistDict, encodePlist, type PlistDict } from "@meridian/apple-mdm";
import { createCertificateAuthority, signDetachedCms } from "@meridian/pki";
import { readFileSync } from "node:fs";
import {
  HOST,
  TOPIC,
  enrolIdentity,
  openssl,
  opensslMdmSignature,
  startAppleEndpoint,
  type AppleEndpointHarness,
} from "./testing/apple-endpoint.js";

const vector = (name: string) =>
  readFileSync(new URL(`../../../../../../shared/vectors/apple/nanomdm/${name}`, import.meta.url));
const form = (fields: Record<string, string>) => Buffer.from(new URLSearchParams(fields).toString());
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const plistOf = (bytes: Uint8Array): PlistDict => {
  const decoded = decodePlistDict(bytes);
  if (!decoded.ok) throw decoded.error;
  return decoded.value;
};

describe("Apple MDM on the device endpoint", () => {
  let h: AppleEndpointHarness;
  beforeAll(async () => {
    h = await startAppleEndpoint();
  });
  afterAll(async () => h?.close());

  type Identity = { certificatePem: string; privateKeyPem: string };
  const checkin = async (identity: Identity, body: Uint8Array, sign: "openssl" | "ours" = "ours") =>
    h.device("PUT", "/mdm/checkin", body, {
      "content-type": "application/x-apple-aspen-mdm-checkin",
      "mdm-signature":
        sign === "openssl"
          ? opensslMdmSignature(body, identity)
          : Buffer.from(await signDetachedCms(body, { ...identity, digest: "sha256" })).toString("base64"),
    });
  const connect = async (identity: Identity, report: PlistDict) => {
    const body = encodePlist(report);
    const answer = await h.device("PUT", "/mdm/connect", body, {
      "content-type": "application/x-apple-aspen-mdm",
      "mdm-signature": Buffer.from(await signDetachedCms(body, { ...identity, digest: "sha256" })).toString(
        "base64",
      ),
    });
    expect(answer.status, answer.body.toString()).toBe(200);
    return answer.body.length ? plistOf(answer.body) : undefined;
  };
  const commandsOf = async (deviceId: string) =>
    (await h.server.call("GET", `/api/v1/devices/${deviceId}/commands`, { token: h.token })).json<{
      items: Array<{ id: string; type: string; state: string; error: { code: string } | null }>;
    }>().items;

  /** Downloads a profile with the activation password; returns the challenge and the whole profile. */
  const downloadProfile = async (email: string, platform: "ios" | "macos") => {
    const password = await h.activation(email);
    const answer = await h.device("POST", "/enroll", form({ address: email, password, platform }), FORM);
    expect(answer.status, answer.body.toString()).toBe(200);
    const content = openssl(
      ["cms", "-verify", "-inform", "DER", "-in", "profile.der", "-CAfile", "ca.pem", "-purpose", "any"],
      {
        "profile.der": answer.body,
        "ca.pem": h.caPem,
      },
    );
    const profile = plistOf(content);
    const payloads = profile.PayloadContent as PlistDict[];
    const scep = payloads.find((p) => p.PayloadType === "com.apple.security.scep")!;
    const mdm = payloads.find((p) => p.PayloadType === "com.apple.mdm")!;
    return {
      profile,
      payloads,
      scep,
      mdm,
      challenge: (scep.PayloadContent as PlistDict).Challenge as string,
    };
  };

  it("serves the enrollment page and a profile signed by the server, refusing a wrong password", async () => {
    const page = await h.device("GET", "/enroll", undefined, {
      "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)",
    });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('value="macos" checked');

    const password = await h.activation("wrong@example.com");
    const wrong = await h.device(
      "POST",
      "/enroll",
      form({ address: "wrong@example.com", password: `${password}x`, platform: "ios" }),
      FORM,
    );
    expect(wrong.status).toBe(403);
    expect(wrong.body.toString()).toMatch(/4 tries left/);

    const { profile, payloads, scep, mdm } = await downloadProfile("jane@example.com", "ios");
    expect(profile.PayloadIdentifier).toBe("com.meridian.mdm.default");
    expect(payloads.map((p) => p.PayloadType)).toEqual([
      "com.apple.security.root",
      "com.apple.security.scep",
      "com.apple.mdm",
    ]);
    expect(scep.PayloadContent).toMatchObject({
      URL: `https://${HOST}/mdm/scep`,
      Keysize: 2048,
      "Key Type": "RSA",
    });
    expect(mdm).toMatchObject({
      Topic: TOPIC,
      ServerURL: `https://${HOST}/mdm/connect`,
      CheckInURL: `https://${HOST}/mdm/checkin`,
      SignMessage: true,
      CheckOutWhenRemoved: true,
      AccessRights: 8191,
      IdentityCertificateUUID: scep.PayloadUUID,
    });
    // The root payload is the tenant CA, so the device trusts the server it is sent to.
    const caDer = openssl(["x509", "-in", "ca.pem", "-outform", "DER"], { "ca.pem": h.caPem });
    expect(Buffer.from(payloads[0]!.PayloadContent as Uint8Array).equals(caDer)).toBe(true);
    // The activation was single use.
    const again = await h.device(
      "POST",
      "/enroll",
      form({ address: "jane@example.com", password: "anything", platform: "ios" }),
      FORM,
    );
    expect(again.status).toBe(403);
  });

  it("enrols a Mac from its recorded messages: SCEP, Authenticate signed by openssl as a device signs, TokenUpdate, first inventory", async () => {
    const { challenge } = await downloadProfile("mac@example.com", "macos");
    const identity = await enrolIdentity(h, challenge);
    // The challenge was one-time.
    await expect(enrolIdentity(h, challenge)).rejects.toThrow(/badRequest/);

    const authenticate = await checkin(identity, vector("Authenticate.2.plist"), "openssl");
    expect(authenticate.status, authenticate.body.toString()).toBe(200);
    const devices = (await h.server.call("GET", "/api/v1/devices?q=C02MT66KFLHH", { token: h.token })).json<{
      items: Array<{ id: string; name: string; model: string; state: string; platform: string }>;
    }>().items;
    expect(devices).toEqual([
      expect.objectContaining({ name: "Fruit", model: "iMac14,2", state: "enrolling", platform: "macos" }),
    ]);
    const deviceId = devices[0]!.id;
    // Not usable before TokenUpdate.
    const early = await h.device(
      "PUT",
      "/mdm/connect",
      encodePlist({ UDID: "66ADE930-5FDF-5EC4-8429-15640684C489", Status: "Idle" }),
      {
        "mdm-signature": opensslMdmSignature(
          encodePlist({ UDID: "66ADE930-5FDF-5EC4-8429-15640684C489", Status: "Idle" }),
          identity,
        ),
      },
    );
    expect(early.status).toBe(403);

    expect((await checkin(identity, vector("TokenUpdate.2.plist"))).status).toBe(200);
    const push = await h.server.call("GET", `/api/v1/devices/${deviceId}/push`, { token: h.token });
    expect(push.json()).toMatchObject({ registered: true, service: "apns" });
    const queued = await commandsOf(deviceId);
    expect(queued.map((c) => c.type)).toEqual([
      "request_inventory",
      "request_inventory",
      "request_inventory",
    ]);

    // The first command is DeviceInformation; the recorded answer (its CommandUUID swapped in) lands in the model.
    const udid = "66ADE930-5FDF-5EC4-8429-15640684C489";
    const first = await connect(identity, { UDID: udid, Status: "Idle" });
    expect((first!.Command as PlistDict).RequestType).toBe("DeviceInformation");
    const recorded = plistOf(vector("DeviceInformation.1.plist"));
    const answer = {
      ...recorded,
      CommandUUID: first!.CommandUUID as string,
      QueryResponses: {
        ...(recorded.QueryResponses as PlistDict),
        OSVersion: "10.12.6",
        BuildVersion: "16G2136",
        ProductName: "iMac14,2",
        SerialNumber: "C02MT66KFLHH",
      },
    };
    const second = await connect(identity, answer);
    expect((second!.Command as PlistDict).RequestType).toBe("SecurityInfo");
    const inventory = (
      await h.server.call("GET", `/api/v1/devices/${deviceId}/inventory`, { token: h.token })
    ).json<{
      hardware: { model: string; serialNumber: string };
      os: { version: string; buildId: string };
    }>();
    expect(inventory).toMatchObject({
      hardware: { model: "iMac14,2", serialNumber: "C02MT66KFLHH" },
      os: { version: "10.12.6", buildId: "16G2136" },
    });
    expect(
      (await h.server.call("GET", `/api/v1/devices/${deviceId}`, { token: h.token })).json(),
    ).toMatchObject({ state: "active" });

    // NotNow skips the command for now; an Error keeps Apple's ErrorChain.
    const third = await connect(identity, {
      UDID: udid,
      Status: "NotNow",
      CommandUUID: second!.CommandUUID as string,
    });
    expect((third!.Command as PlistDict).RequestType).toBe("InstalledApplicationList");
    const done = await connect(identity, {
      UDID: udid,
      Status: "Error",
      CommandUUID: third!.CommandUUID as string,
      ErrorChain: [
        { ErrorCode: 12021, ErrorDomain: "MCMDMErrorDomain", USEnglishDescription: "Query not supported" },
      ],
    });
    expect(done).toBeUndefined();
    const states = Object.fromEntries((await commandsOf(deviceId)).map((c) => [c.id, c]));
    expect(states[first!.CommandUUID as string]).toMatchObject({ state: "acknowledged" });
    expect(states[second!.CommandUUID as string]).toMatchObject({ state: "not_now" });
    expect(states[third!.CommandUUID as string]).toMatchObject({
      state: "error",
      error: { code: "MCMDMErrorDomain:12021" },
    });
  });

  it("installs and removes a stored profile, locks ahead of the queue, and stops talking to an erased iPhone", async () => {
    const { challenge } = await downloadProfile("ipad@example.com", "ios");
    const identity = await enrolIdentity(h, challenge);
    expect((await checkin(identity, vector("Authenticate.1.plist"), "openssl")).status).toBe(200);
    expect((await checkin(identity, vector("TokenUpdate.1.plist"), "openssl")).status).toBe(200);
    const udid = plistOf(vector("Authenticate.1.plist")).UDID as string;
    const deviceId = (
      await h.server.call(
        "GET",
        `/api/v1/devices?q=${plistOf(vector("Authenticate.1.plist")).SerialNumber as string}`,
        { token: h.token },
      )
    ).json<{ items: Array<{ id: string }> }>().items[0]!.id;
    // Drain the first inventory.
    for (let next = await connect(identity, { UDID: udid, Status: "Idle" }); next;)
      next = await connect(identity, {
        UDID: udid,
        Status: "NotNow",
        CommandUUID: next.CommandUUID as string,
      });

    const mobileconfig = encodePlist({
      PayloadType: "Configuration",
      PayloadIdentifier: "com.example.wifi",
      PayloadDisplayName: "Wi-Fi",
      PayloadContent: [],
    });
    const uploaded = await h.server.call("POST", "/api/v1/profiles", {
      token: h.token,
      body: { payloadBase64: mobileconfig.toString("base64") },
    });
    expect(uploaded.statusCode).toBe(201);
    const profileId = uploaded.json<{ profile: { id: string } }>().profile.id;
    const send = (type: string, payload: Record<string, unknown> = {}) =>
      h.server.call("POST", `/api/v1/devices/${deviceId}/commands`, {
        token: h.token,
        body: { type, payload },
      });
    expect((await send("install_profile", { profileId })).statusCode).toBe(201);
    expect((await send("lock", { message: "Call IT" })).statusCode).toBe(201);

    const lock = await connect(identity, { UDID: udid, Status: "Idle" });
    expect(lock!.Command).toEqual({ RequestType: "DeviceLock", Message: "Call IT" });
    const install = await connect(identity, {
      UDID: udid,
      Status: "Acknowledged",
      CommandUUID: lock!.CommandUUID as string,
    });
    expect((install!.Command as PlistDict).RequestType).toBe("InstallProfile");
    expect(Buffer.from((install!.Command as PlistDict).Payload as Uint8Array).equals(mobileconfig)).toBe(
      true,
    );
    expect(
      await connect(identity, {
        UDID: udid,
        Status: "Acknowledged",
        CommandUUID: install!.CommandUUID as string,
      }),
    ).toBeUndefined();

    expect((await send("remove_profile", { identifier: "com.example.wifi" })).statusCode).toBe(201);
    const remove = await connect(identity, { UDID: udid, Status: "Idle" });
    expect(remove!.Command).toEqual({ RequestType: "RemoveProfile", Identifier: "com.example.wifi" });
    await connect(identity, {
      UDID: udid,
      Status: "Acknowledged",
      CommandUUID: remove!.CommandUUID as string,
    });

    // An answer lost on the way (the device asks again without answering): the command goes again.
    expect((await send("reboot")).statusCode).toBe(201);
    const restart = await connect(identity, { UDID: udid, Status: "Idle" });
    expect(restart!.Command).toEqual({ RequestType: "RestartDevice" });
    const again = await connect(identity, { UDID: udid, Status: "Idle" });
    expect(again!.CommandUUID).toBe(restart!.CommandUUID);
    await connect(identity, {
      UDID: udid,
      Status: "Acknowledged",
      CommandUUID: restart!.CommandUUID as string,
    });

    expect((await send("wipe")).statusCode).toBe(201);
    const erase = await connect(identity, { UDID: udid, Status: "Idle" });
    expect((erase!.Command as PlistDict).RequestType).toBe("EraseDevice");
    await connect(identity, {
      UDID: udid,
      Status: "Acknowledged",
      CommandUUID: erase!.CommandUUID as string,
    });
    expect(
      (await h.server.call("GET", `/api/v1/devices/${deviceId}`, { token: h.token })).json(),
    ).toMatchObject({ state: "wiped" });
    const after = await h.device("PUT", "/mdm/connect", encodePlist({ UDID: udid, Status: "Idle" }), {
      "mdm-signature": opensslMdmSignature(encodePlist({ UDID: udid, Status: "Idle" }), identity),
    });
    expect(after.status).toBe(403);
    // Who is asking is settled before the body is read: even garbage from an erased device gets the 403.
    const garbage = Buffer.from("not a plist");
    const junk = await h.device("PUT", "/mdm/checkin", garbage, {
      "mdm-signature": opensslMdmSignature(garbage, identity),
    });
    expect(junk.status).toBe(403);
    expect(new Set((await commandsOf(deviceId)).map((c) => c.state))).toEqual(
      new Set(["acknowledged", "not_now"]),
    );
  });

  it("refuses bad input with 400 or 403, never 401, and changes nothing", async () => {
    const { challenge } = await downloadProfile("bad@example.com", "ios");
    const identity = await enrolIdentity(h, challenge);
    const other = await enrolIdentity(h, (await downloadProfile("other@example.com", "ios")).challenge);
    const authenticate = encodePlist({
      MessageType: "Authenticate",
      UDID: "BAD-INPUT-UDID",
      Topic: TOPIC,
      SerialNumber: "BADSERIAL1",
    });
    const statuses: number[] = [];
    const expectRefused = async (
      status: number,
      answer: Promise<{ status: number; body: Buffer }>,
      text?: RegExp,
    ) => {
      const got = await answer;
      statuses.push(got.status);
      expect(got.status, got.body.toString()).toBe(status);
      if (text) expect(got.body.toString()).toMatch(text);
    };
    const put = (body: Uint8Array, signature?: string) =>
      h.device("PUT", "/mdm/checkin", body, signature ? { "mdm-signature": signature } : {});
    const sig = (body: Uint8Array, who = identity) => opensslMdmSignature(body, who);

    await expectRefused(403, put(authenticate), /identity_required/);
    // A signature over other bytes.
    await expectRefused(
      400,
      put(authenticate, sig(encodePlist({ MessageType: "Authenticate", UDID: "X", Topic: TOPIC }))),
      /bad_signature/,
    );
    await expectRefused(400, put(authenticate, "not base64 at all!"), /bad_signature/);
    // A certificate from no CA of ours.
    const stranger = await createCertificateAuthority({ commonName: "stranger", validityDays: 2 });
    await expectRefused(403, put(authenticate, sig(authenticate, stranger)), /untrusted_identity/);
    // Signed, but not a plist; nested too deep; an unknown message.
    const garbage = Buffer.from("\u0000\u0001garbage");
    await expectRefused(400, put(garbage, sig(garbage)), /malformed_plist/);
    const deep = Buffer.from(
      `<plist version="1.0">${"<array>".repeat(5000)}${"</array>".repeat(5000)}</plist>`,
    );
    await expectRefused(400, put(deep, sig(deep)), /too_deep/);
    const unknown = encodePlist({ MessageType: "Reboot", UDID: "BAD-INPUT-UDID" });
    await expectRefused(400, put(unknown, sig(unknown)), /unknown_message_type/);
    // A body over the limit is refused before anything reads it.
    const huge = Buffer.alloc(5 * 1024 * 1024, 0x20);
    await expectRefused(413, put(huge, "AAAA"));

    // The genuine Authenticate binds this identity to its UDID; another device's identity cannot speak for it.
    expect((await put(authenticate, sig(authenticate))).status).toBe(200);
    const otherAuth = encodePlist({ MessageType: "Authenticate", UDID: "OTHER-UDID", Topic: TOPIC });
    expect((await put(otherAuth, sig(otherAuth, other))).status).toBe(200);
    const hijack = encodePlist({
      MessageType: "TokenUpdate",
      UDID: "BAD-INPUT-UDID",
      Topic: TOPIC,
      Token: Buffer.alloc(32, 1),
      PushMagic: "evil",
    });
    await expectRefused(403, put(hijack, sig(hijack, other)), /identity_mismatch/);
    const device = (await h.server.call("GET", "/api/v1/devices?q=BADSERIAL1", { token: h.token })).json<{
      items: Array<{ id: string; state: string }>;
    }>().items[0]!;
    expect(device.state).toBe("enrolling");
    expect(
      (await h.server.call("GET", `/api/v1/devices/${device.id}/push`, { token: h.token })).json(),
    ).toMatchObject({ registered: false });
    // UserAuthenticate is declined with 410, as Apple documents.
    const userAuth = encodePlist({ MessageType: "UserAuthenticate", UDID: "BAD-INPUT-UDID", UserID: "U1" });
    expect((await put(userAuth, sig(userAuth))).status).toBe(410);
    expect(statuses).not.toContain(401);
  });
});
