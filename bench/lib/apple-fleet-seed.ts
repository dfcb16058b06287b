/**
 * Enrolled iPhones written straight into a stopped server's data directory, for benchmarks that
 * need a fleet larger than can be enrolled for real here (the enrollment page's argon2 and SCEP take
 * hours at 100,000). What a real enrollment leaves behind is written through the store's
 * repositories: a user and an active device each, an enabled Apple enrollment bound to a UDID and
 * the MDM topic, an APNs token with its PushMagic, and an identity certificate issued by the
 * tenant's own CA (loaded from the sealed settings as the server loads it), so every check-in goes
 * through the server's unchanged Mdm-Signature → certificate chain → serial → device check.
 *
 * The certificates share one P-256 key: making 100,000 keys would dominate the seeding, and the
 * server looks at the certificate (chain, validity, serial), not at whether keys repeat. Each
 * certificate has its own serial and names its own device, as SCEP issues them.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import {
  DEFAULT_TENANT_ID,
  createCore,
  newDeviceRecord,
  systemClock,
  type DeviceRecord,
  type Store,
} from "@meridian/core";
import { createSecretBox, loadSecretKey, nodeCrypto } from "@meridian/crypto";
import { openStore } from "@meridian/store";
import { TenantPki } from "../../apps/server/src/device-endpoint/tenant-pki.js";
import { APPLE_ENROLLMENT_DEFAULTS } from "@meridian/core";
import { generateUsers } from "./dataset.js";
import { seedFleet } from "./seed.js";

export interface SeededAppleDevice {
  deviceId: string;
  udid: string;
  token: string;
  pushMagic: string;
  /** The device's identity certificate, DER in base64. */
  certificate: string;
}

export interface SeededAppleFleet {
  devices: SeededAppleDevice[];
  /** The shared identity key (PKCS#8 PEM) every seeded certificate certifies. */
  privateKeyPem: string;
  /** The tenant CA the devices trust (the enrollment profile's anchor). */
  caCertificatePem: string;
  timings: { certificatesMs: number; usersMs: number; devicesMs: number; enrollmentsMs: number };
}

const ROWS_PER_TRANSACTION = 5_000;

/**
 * Seeds one enrolled iPhone per APNs token into the server data directory `dataDir`. The server must
 * not be running: it caches what it has read, and SQLite allows one writer.
 */
export async function seedAppleFleet(options: {
  dataDir: string;
  topic: string;
  tokens: string[];
  tenantId?: string;
}): Promise<SeededAppleFleet> {
  const tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  const store = await openStore({ dataDir: options.dataDir });
  try {
    // The same key and sealed setting the server reads (no MERIDIAN_SECRET_KEY in the benchmarks).
    const secretBox = createSecretBox(loadSecretKey({ keyFile: join(options.dataDir, "secret.key") }));
    const core = createCore({ store, crypto: nodeCrypto, secretBox, clock: systemClock });
    const ca = await new TenantPki(core).authority(tenantId);

    const now = Date.now();
    const count = options.tokens.length;
    const users = generateUsers(count, tenantId, 5, now);
    const records: DeviceRecord[] = users.map((user, i) =>
      newDeviceRecord(
        tenantId,
        {
          platform: "ios",
          name: `${user.givenName}'s iPhone`,
          model: "iPhone15,2",
          manufacturer: "Apple",
          osVersion: "17.4.1",
          serialNumber: `BENCH${String(i).padStart(7, "0")}`,
          ownership: "corporate",
          ownerUserId: user.id,
          state: "active",
        },
        now,
      ),
    );

    const t0 = performance.now();
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const devices: SeededAppleDevice[] = [];
    const serials: Array<{ serialNumber: string; notAfter: number }> = [];
    for (const [i, record] of records.entries()) {
      const issued = await ca.issueForKey(publicKeyPem, {
        // The subject SCEP gives an Apple identity (scep-endpoint.ts).
        subject: { commonName: record.id, organizationalUnit: "Meridian Apple device" },
        validityDays: APPLE_ENROLLMENT_DEFAULTS.identityLifetimeDays,
        usage: "client",
      });
      serials.push({ serialNumber: issued.serialNumber, notAfter: issued.notAfter.getTime() });
      devices.push({
        deviceId: record.id,
        udid: randomUUID().toUpperCase(),
        token: options.tokens[i]!,
        pushMagic: randomUUID().toUpperCase(),
        certificate: issued.certificatePem.replace(/-----[^-]+-----|\s/g, ""),
      });
    }
    const t1 = performance.now();

    const { usersMs, devicesMs } = await seedFleet(store, tenantId, users, records);
    const t2 = performance.now();
    for (let start = 0; start < count; start += ROWS_PER_TRANSACTION) {
      await store.transaction((trx) =>
        writeEnrollments(
          trx,
          tenantId,
          options.topic,
          now,
          devices.slice(start, start + ROWS_PER_TRANSACTION),
          serials.slice(start),
        ),
      );
    }
    const enrollmentsMs = performance.now() - t2;
    return {
      devices,
      privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      caCertificatePem: ca.certificatePem,
      timings: { certificatesMs: t1 - t0, usersMs, devicesMs, enrollmentsMs },
    };
  } finally {
    await store.close();
  }
}

/** What enrollment, SCEP, Authenticate and TokenUpdate leave for each device. */
async function writeEnrollments(
  store: Store,
  tenantId: string,
  topic: string,
  now: number,
  devices: SeededAppleDevice[],
  serials: Array<{ serialNumber: string; notAfter: number }>,
): Promise<void> {
  const tenant = store.forTenant(tenantId);
  for (const [i, device] of devices.entries()) {
    const { deviceId } = device;
    await tenant.appleEnrollments.insert(
      {
        deviceId,
        udid: device.udid,
        topic,
        enabled: true,
        awaitingConfiguration: false,
        unlockToken: null,
        bootstrapToken: null,
        tokenUpdates: 1,
        createdAt: now,
        authenticatedAt: now,
        enabledAt: now,
        checkedOutAt: null,
      },
      // The SCEP challenge was used: one that expired as it was made is as unusable as a taken one.
      { deviceId, challengeHash: randomBytes(32).toString("hex"), expiresAt: now },
    );
    await tenant.deviceCertificates.insert({ ...serials[i]!, deviceId, issuedAt: now, revokedAt: null });
    await tenant.devicePush.save({
      deviceId,
      service: "apns",
      token: device.token,
      pushMagic: device.pushMagic,
      updatedAt: now,
    });
  }
}
