import { randomBytes } from "node:crypto";
import { ApnsEmulator } from "@meridian/emulators";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { PushError } from "../errors.js";
import { makeProviderCertificate, type ProviderCertificate } from "../testing/provider-certificate.js";
import { ApnsClient } from "./apns-client.js";
import { loadApnsCertificate } from "./certificate-credentials.js";

const TOPIC = `com.apple.mgmt.External.${randomBytes(8).toString("hex")}`;
let certificate: ProviderCertificate;
const cleanup: Array<() => Promise<void>> = [];
beforeAll(() => {
  certificate = makeProviderCertificate(TOPIC);
});
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function emulatorTrusting(...certs: string[]) {
  const emulator = await ApnsEmulator.start({ trustedClientCertificates: certs });
  cleanup.push(() => emulator.close());
  return emulator;
}

function clientFor(
  emulator: ApnsEmulator,
  credentials: ConstructorParameters<typeof ApnsClient>[0]["credentials"],
  topic?: string,
) {
  const client = new ApnsClient({
    credentials,
    baseUrl: emulator.url,
    ca: emulator.ca,
    sleep: async () => {},
    topic,
  });
  cleanup.push(() => client.close());
  return client;
}

describe("APNs certificate authentication", () => {
  it("reads the topic from the certificate's UID, from PEM and from PKCS#12", () => {
    expect(loadApnsCertificate({ cert: certificate.cert, key: certificate.key }).topic).toBe(TOPIC);
    const fromPfx = loadApnsCertificate({ pfx: certificate.pfx, passphrase: certificate.passphrase });
    expect(fromPfx.topic).toBe(TOPIC);
    expect(fromPfx.notAfter.getTime()).toBeGreaterThan(Date.now());
  });

  it.each(["PEM", "PKCS#12"])("sends an MDM wake-up with a %s certificate", async (form) => {
    const emulator = await emulatorTrusting(certificate.cert);
    const device = emulator.registerDevice(TOPIC);
    const apns = clientFor(
      emulator,
      form === "PEM"
        ? { certificate: { cert: certificate.cert, key: certificate.key } }
        : { certificate: { pfx: certificate.pfx, passphrase: certificate.passphrase } },
    );
    const received = emulator.deliveries.next(device);
    const result = await apns.send({ token: device, data: { mdm: "push-magic-1" } });
    expect(result).toMatchObject({ status: "delivered" });
    expect(await received).toMatchObject({
      topic: TOPIC,
      pushType: "mdm",
      priority: "10",
      payload: '{"mdm":"push-magic-1"}',
    });
  });

  it("reports a topic the certificate does not cover as TopicDisallowed", async () => {
    const emulator = await emulatorTrusting(certificate.cert);
    const device = emulator.registerDevice(TOPIC);
    const apns = clientFor(emulator, { certificate }, "com.apple.mgmt.External.someone-else");
    const result = await apns.send({ token: device });
    expect(result).toMatchObject({ status: "failed", reason: "TopicDisallowed", attempts: 1 });
    expect(result.status === "failed" && result.error.code).toBe("invalid_notification");
  });

  it("reports a certificate for the other environment, and one APNs does not trust", async () => {
    const sandboxOnly = makeProviderCertificate(TOPIC, { environment: "sandbox" });
    const emulator = await emulatorTrusting(certificate.cert, sandboxOnly.cert);
    const device = emulator.registerDevice(TOPIC);
    const wrongEnvironment = await clientFor(emulator, { certificate: sandboxOnly }).send({ token: device });
    expect(wrongEnvironment).toMatchObject({ status: "failed", reason: "BadCertificateEnvironment" });
    expect(wrongEnvironment.status === "failed" && wrongEnvironment.error.code).toBe("credentials_rejected");
    const untrusted = makeProviderCertificate(TOPIC);
    const refused = await clientFor(emulator, { certificate: untrusted }).send({ token: device });
    expect(refused).toMatchObject({ status: "failed", reason: "BadCertificate" });
  });

  it("says clearly when the PKCS#12 passphrase is wrong, the pair does not match, or the certificate expired", () => {
    const attempt = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error as PushError;
      }
      throw new Error("expected a PushError");
    };
    const wrongPass = attempt(() => loadApnsCertificate({ pfx: certificate.pfx, passphrase: "nope" }));
    expect(wrongPass).toMatchObject({
      code: "invalid_credentials",
      message: expect.stringMatching(/passphrase/),
    });
    const other = makeProviderCertificate(TOPIC);
    const mismatch = attempt(() => loadApnsCertificate({ cert: certificate.cert, key: other.key }));
    expect(mismatch.code).toBe("invalid_credentials");
    const later = new Date(Date.now() + 40 * 86_400_000);
    const expired = attempt(() =>
      loadApnsCertificate({ cert: certificate.cert, key: certificate.key }, later),
    );
    expect(expired).toMatchObject({ code: "credentials_expired", message: expect.stringContaining(TOPIC) });
  });
});
