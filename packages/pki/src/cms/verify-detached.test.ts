import { beforeAll, describe, expect, it } from "vitest";
import { certificateFingerprint } from "../certificate.js";
import {
  opensslSign,
  detachStreamed,
  opensslVerify,
  P256,
  RSA_2048,
  tenantWithDevices,
  type Device,
} from "./cms-test-support.js";
import { verifyMdmSignature } from "./mdm-signature.js";
import { verifyDetachedCms } from "./verify-detached.js";

/** A check-in body of realistic size: long enough that lengths need two octets. */
const body = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>MessageType</key><string>Authenticate</string>` +
    `<key>UDID</key><string>${"0".repeat(40)}</string><key>Topic</key><string>com.apple.mgmt.External.${"a".repeat(36)}</string></dict></plist>\n`,
);

let caFile: string;
let rsa: Device;
let ec: Device;

beforeAll(async () => {
  const tenant = await tenantWithDevices([RSA_2048, P256]);
  caFile = tenant.caFile;
  [rsa, ec] = tenant.devices as [Device, Device];
});

const device = (name: "RSA 2048" | "EC P-256") => (name === "RSA 2048" ? rsa : ec);

describe("detached signatures made by openssl cms verify", () => {
  describe.each(["RSA 2048", "EC P-256"] as const)("%s signer", (keyName) => {
    it.each([
      ["sha1", "with signed attributes", []],
      ["sha256", "with signed attributes", []],
      ["sha1", "without signed attributes", ["-noattr"]],
      ["sha256", "without signed attributes", ["-noattr"]],
    ])("%s %s, DER", (digest, _attributes, extra) => {
      const signer = device(keyName);
      const signature = opensslSign(body, [signer], ["-md", digest, ...extra]);
      const verified = verifyDetachedCms(signature, body);
      expect(verified.digestAlgorithm).toBe(digest);
      expect(verified.certificate.fingerprint).toBe(certificateFingerprint(signer.certificatePem));
      expect(verified.certificate.pem).toBe(signer.certificatePem);
      expect(Buffer.from(verified.certificate.der).toString("base64")).toBe(
        signer.certificatePem.replace(/-----[^-]+-----|\s/g, ""),
      );
    });

    it.each([
      ["sha1", []],
      ["sha256", []],
      ["sha256", ["-noattr"]],
    ])("%s %s, BER with indefinite lengths as Apple devices send it", (digest, extra) => {
      const streamed = opensslSign(body, [device(keyName)], ["-md", digest, "-stream", ...extra]);
      const signature = detachStreamed(streamed);
      // 0x30 0x80: the outer SEQUENCE itself has an indefinite length, as in "MIAG…".
      expect([...signature.subarray(0, 2)]).toEqual([0x30, 0x80]);
      expect(signature.toString("base64")).toMatch(/^MIAG/);
      // OpenSSL agrees that cutting the content out left a valid detached signature.
      expect(opensslVerify(signature, caFile, body).printed).toContain("Verification successful");
      expect(verifyDetachedCms(signature, body).digestAlgorithm).toBe(digest);
      expect(verifyMdmSignature(signature.toString("base64"), body).certificate.fingerprint).toBe(
        certificateFingerprint(device(keyName).certificatePem),
      );
    });
  });

  it("accepts SHA-384 and SHA-512 digests", () => {
    for (const digest of ["sha384", "sha512"]) {
      expect(verifyDetachedCms(opensslSign(body, [ec], ["-md", digest]), body).digestAlgorithm).toBe(digest);
      expect(
        verifyDetachedCms(opensslSign(body, [rsa], ["-md", digest, "-noattr"]), body).digestAlgorithm,
      ).toBe(digest);
    }
  });

  it("finds the signer by subject key identifier (-keyid) as well as by issuer and serial number", () => {
    const verified = verifyDetachedCms(opensslSign(body, [ec], ["-keyid"]), body);
    expect(verified.certificate.fingerprint).toBe(certificateFingerprint(ec.certificatePem));
  });

  it("returns a certificate that outlives the request buffer it came from", () => {
    const signature = opensslSign(body, [ec]);
    const verified = verifyDetachedCms(signature, body);
    signature.fill(0);
    expect(Buffer.from(verified.certificate.der).toString("base64")).toBe(
      ec.certificatePem.replace(/-----[^-]+-----|\s/g, ""),
    );
  });

  it("verifies an empty body", () => {
    const empty = Buffer.alloc(0);
    expect(verifyDetachedCms(opensslSign(empty, [rsa], []), empty).digestAlgorithm).toBe("sha256");
  });
});
