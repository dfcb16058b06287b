import { beforeAll, describe, expect, it } from "vitest";
import { certificateFingerprint } from "../certificate.js";
import { PkiError } from "../errors.js";
import { openssl, scratch } from "../test-support.js";
import { opensslVerify, P256, RSA_2048, tenantWithDevices, type Device } from "./cms-test-support.js";
import { verifyMdmSignature } from "./mdm-signature.js";
import { signAttachedCms, signDetachedCms } from "./sign-cms.js";
import { verifyDetachedCms } from "./verify-detached.js";

const body = Buffer.from("<plist><dict><key>Status</key><string>Idle</string></dict></plist>");

let caPem: string;
let caFile: string;
let rsa: Device;
let ec: Device;

beforeAll(async () => {
  const tenant = await tenantWithDevices([RSA_2048, P256]);
  ({ caPem, caFile } = tenant);
  [rsa, ec] = tenant.devices as [Device, Device];
});

const device = (name: "RSA 2048" | "EC P-256") => (name === "RSA 2048" ? rsa : ec);

describe("signDetachedCms, as a simulated device signs Mdm-Signature", () => {
  describe.each(["RSA 2048", "EC P-256"] as const)("%s key", (keyName) => {
    it.each(["sha1", "sha256"] as const)(
      "%s: openssl cms verifies it against the tenant CA",
      async (digest) => {
        const signer = device(keyName);
        const signature = await signDetachedCms(body, { ...signer, digest });
        expect(opensslVerify(signature, caFile, body).printed).toContain("Verification successful");
        const verified = verifyMdmSignature(Buffer.from(signature).toString("base64"), body);
        expect(verified.digestAlgorithm).toBe(digest);
        expect(verified.certificate.fingerprint).toBe(certificateFingerprint(signer.certificatePem));
      },
    );
  });

  it("writes contentType, signingTime and messageDigest as signed attributes, in DER", async () => {
    const signature = await signDetachedCms(body, { ...rsa, digest: "sha256" });
    const printed = openssl(["cms", "-cmsout", "-print", "-inform", "DER"], signature);
    for (const attribute of ["contentType", "signingTime", "messageDigest"])
      expect(printed).toContain(attribute);
    // OpenSSL's own DER re-encoding (which sorts SET OF) is byte-for-byte ours.
    const files = scratch();
    openssl(
      ["cms", "-cmsout", "-inform", "DER", "-outform", "DER", "-out", files.path("out.der")],
      signature,
    );
    expect(files.readBytes("out.der").equals(signature)).toBe(true);
  });

  it("a changed body no longer verifies", async () => {
    const signature = await signDetachedCms(body, { ...ec, digest: "sha256" });
    expect(() => verifyDetachedCms(signature, Buffer.from("other"))).toThrow(PkiError);
    expect(() => opensslVerify(signature, caFile, Buffer.from("other"))).toThrow(/verification failure/i);
  });

  it("refuses a private key that does not belong to the certificate", async () => {
    await expect(
      signDetachedCms(body, {
        certificatePem: rsa.certificatePem,
        privateKeyPem: ec.privateKeyPem,
        digest: "sha256",
      }),
    ).rejects.toMatchObject({ code: "key_mismatch" });
    await expect(
      signDetachedCms(body, {
        certificatePem: rsa.certificatePem,
        privateKeyPem: "not a key",
        digest: "sha256",
      }),
    ).rejects.toMatchObject({ code: "invalid_private_key" });
    await expect(
      signDetachedCms(body, {
        certificatePem: "not a certificate",
        privateKeyPem: rsa.privateKeyPem,
        digest: "sha1",
      }),
    ).rejects.toMatchObject({ code: "malformed_pem" });
  });
});

describe("signAttachedCms, as an enrollment profile is signed", () => {
  const profile = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>PayloadType</key><string>Configuration</string>` +
      `<key>PayloadContent</key><array>${"<dict/>".repeat(400)}</array></dict></plist>\n`,
  );

  it.each(["RSA 2048", "EC P-256"] as const)(
    "%s: openssl cms verifies it and extracts the profile unchanged",
    async (keyName) => {
      const signed = await signAttachedCms(profile, device(keyName));
      const { printed, content } = opensslVerify(signed, caFile);
      expect(printed).toContain("Verification successful");
      expect(content.equals(profile)).toBe(true);
    },
  );

  it("includes the chain certificates after the signer's", async () => {
    const signed = await signAttachedCms(profile, { ...rsa, chainPems: [caPem] });
    const files = scratch();
    opensslVerify(signed, caFile, undefined, ["-certsout", files.path("certs.pem")]);
    const certificates = files.read("certs.pem").match(/-----BEGIN CERTIFICATE-----/g) ?? [];
    expect(certificates).toHaveLength(2);
    expect(files.read("certs.pem")).toContain(caPem.trim());
  });
});
