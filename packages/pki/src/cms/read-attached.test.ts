import { beforeAll, describe, expect, it } from "vitest";
import { certificateFingerprint } from "../certificate.js";
import { opensslSign, RSA_2048, tenantWithDevices, type Device } from "./cms-test-support.js";
import { readAttachedCmsContent } from "./read-attached.js";
import { signAttachedCms, signDetachedCms } from "./sign-cms.js";

const profile = Buffer.from(
  "<plist><dict><key>PayloadType</key><string>Configuration</string></dict></plist>",
);
let signer: Device;

beforeAll(async () => {
  [signer] = (await tenantWithDevices([RSA_2048])).devices as [Device];
});

describe("readAttachedCmsContent", () => {
  it("gives back the content of our own attached signature, and its signer", async () => {
    const read = readAttachedCmsContent(await signAttachedCms(profile, signer));
    expect(Buffer.from(read.content)).toEqual(profile);
    expect(read.certificate.fingerprint).toBe(certificateFingerprint(signer.certificatePem));
  });

  it("reads what openssl cms -sign wrote, streamed BER included", () => {
    for (const extra of [[], ["-stream"]]) {
      const read = readAttachedCmsContent(opensslSign(profile, [signer], ["-nodetach", ...extra]));
      expect(Buffer.from(read.content)).toEqual(profile);
    }
  });

  it("refuses a detached signature and changed content", async () => {
    const detached = await signDetachedCms(profile, { ...signer, digest: "sha256" });
    expect(() => readAttachedCmsContent(detached)).toThrow(/carries no content/);
    const attached = Buffer.from(await signAttachedCms(profile, signer));
    const at = attached.indexOf("Configuration");
    attached[at] = "K".charCodeAt(0);
    expect(() => readAttachedCmsContent(attached)).toThrow(
      expect.objectContaining({ code: "bad_signature" }),
    );
  });
});
