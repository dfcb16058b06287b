import type { Actor } from "../access/actor.js";
import type { ActivationListener, ActivationService } from "../activations/activation.service.js";
import type { Device } from "../devices/device.js";
import { deviceSearchText } from "../devices/device.service.js";
import { identityRefusal } from "../devices/identity-rules.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { MeridianError, unauthenticated } from "../shared/errors.js";
import { pageRequest } from "../shared/paging.js";
import type { TenantStore } from "../store.js";
import type { AppleEnrollment } from "./apple-enrollment.js";

export type ApplePlatform = "ios" | "macos";

/** What Authenticate says about the device; every field but the UDID is optional in Apple's schema. */
export interface AppleDeviceFacts {
  udid: string;
  topic: string;
  serialNumber?: string | undefined;
  model?: string | undefined;
  productName?: string | undefined;
  osVersion?: string | undefined;
  deviceName?: string | undefined;
  imei?: string | undefined;
}

export interface ApplePushToken {
  udid: string;
  topic: string;
  /** Hex, as APNs takes it in the request path. */
  token: string;
  pushMagic: string;
  /** Base64; only iOS sends one, once. */
  unlockToken?: string | undefined;
  awaitingConfiguration: boolean;
}

export interface AppleEnrollmentOptions {
  /** How long the one-time SCEP challenge in a downloaded profile stays usable. */
  challengeLifetimeMs: number;
  /** How long an identity certificate issued by SCEP lasts, in days. */
  identityLifetimeDays: number;
  /** An identity ending sooner than this is renewed: the sweep sends its device a renewal profile. */
  renewalWindowMs: number;
  /** How long a renewal profile's challenge stays usable: the device may be off for days. */
  renewalChallengeLifetimeMs: number;
  /** The most renewals one sweep queues per tenant; the rest wait for the next sweep. */
  renewalsPerSweep: number;
}

export const APPLE_ENROLLMENT_DEFAULTS: AppleEnrollmentOptions = {
  challengeLifetimeMs: 60 * 60_000,
  identityLifetimeDays: 365,
  renewalWindowMs: 30 * 86_400_000,
  renewalChallengeLifetimeMs: 7 * 86_400_000,
  renewalsPerSweep: 20_000,
};

const deviceProtocol = (tenantId: string): Actor => ({
  tenantId,
  type: "system",
  id: "apple-mdm",
  label: "Apple MDM check-in",
  permissions: new Set(),
  ip: undefined,
});

/** Apple's check-in rules for a device that must not be told 401 (it would unenrol): refusals are 403s. */
const refuse = (code: string, message: string) => new MeridianError("forbidden", code, message);

/**
 * Apple devices enrol through Apple's own flow: a profile downloaded with the user's activation
 * password, an identity certificate by SCEP with the profile's one-time challenge, then the MDM
 * check-ins. This service holds the rules; the protocol layer decodes the messages.
 */
export class AppleEnrollmentService {
  constructor(
    private readonly deps: CoreDeps,
    private readonly activations: ActivationService,
    private readonly listener: Pick<ActivationListener, "managedDevicesChanged">,
    private readonly options: AppleEnrollmentOptions = APPLE_ENROLLMENT_DEFAULTS,
  ) {}

  /** How long the identities SCEP issues last, in days. */
  get identityLifetimeDays(): number {
    return this.options.identityLifetimeDays;
  }

  /**
   * A renew_identity command on its way to the device: a fresh one-time challenge for the renewal
   * profile, stored hashed on the device's enrollment (replacing any earlier one, so a command
   * delivered again makes the last profile's challenge the only usable one).
   */
  async renewalChallenge(
    tenantId: string,
    deviceId: string,
  ): Promise<{ challenge: string; challengeExpiresAt: number }> {
    const challenge = this.deps.crypto.randomToken(24);
    const challengeExpiresAt = this.deps.clock.now() + this.options.renewalChallengeLifetimeMs;
    const stored = await this.deps.store.forTenant(tenantId).appleEnrollments.setChallenge({
      deviceId,
      challengeHash: this.deps.crypto.sha256(challenge),
      expiresAt: challengeExpiresAt,
    });
    if (!stored)
      throw refuse(
        "not_enrolled",
        "This device did not enrol through an enrollment profile from this server.",
      );
    return { challenge, challengeExpiresAt };
  }

  /**
   * The enrollment page: the user's address and activation password take one use of the activation
   * and make an enrolling device, and a one-time SCEP challenge for the profile. A wrong password
   * counts towards the activation's lockout.
   */
  async enrolWithPassword(
    tenantId: string,
    input: { address: string; platform: ApplePlatform; password: string },
    passwordMatches: (verifier: string, password: string) => Promise<boolean>,
  ): Promise<{ device: Device; challenge: string; challengeExpiresAt: number }> {
    const attempt = await this.activations.beginAttempt(tenantId, input.address, input.platform);
    if (!(await passwordMatches(attempt.verifier, input.password))) {
      const left = await this.activations.recordFailure(tenantId, attempt.activation.id);
      throw unauthenticated(
        "activation_failed",
        left > 0
          ? `The address or activation password is wrong; ${left} ${left === 1 ? "try" : "tries"} left.`
          : "The activation password was wrong too many times; the activation is locked. Ask your administrator for a new one.",
      );
    }
    const challenge = this.deps.crypto.randomToken(24);
    const now = this.deps.clock.now();
    const challengeExpiresAt = now + this.options.challengeLifetimeMs;
    const device = await this.activations.completeAttempt(
      tenantId,
      attempt.activation.id,
      {
        platform: input.platform,
        name: input.platform === "ios" ? "iPhone or iPad" : "Mac",
        state: "enrolling",
      },
      async (deviceId, tenant) => {
        await tenant.appleEnrollments.insert(
          {
            deviceId,
            udid: null,
            topic: null,
            enabled: false,
            awaitingConfiguration: false,
            unlockToken: null,
            bootstrapToken: null,
            tokenUpdates: 0,
            createdAt: now,
            authenticatedAt: null,
            enabledAt: null,
            checkedOutAt: null,
          },
          { deviceId, challengeHash: this.deps.crypto.sha256(challenge), expiresAt: challengeExpiresAt },
        );
        return undefined;
      },
    );
    return { device, challenge, challengeExpiresAt };
  }

  /** SCEP, before issuing: the device a profile's challenge was made for, if it is still usable. */
  async deviceForChallenge(tenantId: string, challenge: string): Promise<string | undefined> {
    return this.deps.store
      .forTenant(tenantId)
      .appleEnrollments.findChallenge(this.deps.crypto.sha256(challenge), this.deps.clock.now());
  }

  /**
   * SCEP, once issued: takes the challenge and binds the certificate to its device, in one
   * transaction. Of two requests racing with one challenge only one certificate is bound; the other
   * names no device and is refused at every check-in.
   */
  async bindIdentity(
    tenantId: string,
    challenge: string,
    issued: { serialNumber: string; notAfter: number },
  ): Promise<string | undefined> {
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (tx) => {
      const tenant = tx.forTenant(tenantId);
      const deviceId = await tenant.appleEnrollments.consumeChallenge(
        this.deps.crypto.sha256(challenge),
        now,
      );
      if (deviceId)
        await tenant.deviceCertificates.insert({ ...issued, deviceId, issuedAt: now, revokedAt: null });
      return deviceId;
    });
  }

  /** SCEP renewal: a device signs with its current identity and gets a new one before it ends. */
  async recordRenewedIdentity(
    tenantId: string,
    deviceId: string,
    issued: { serialNumber: string; notAfter: number },
  ): Promise<void> {
    await this.deps.store
      .forTenant(tenantId)
      .deviceCertificates.insert({ ...issued, deviceId, issuedAt: this.deps.clock.now(), revokedAt: null });
  }

  /**
   * The device an identity certificate belongs to. Refusals are 403s, never 401s: an Apple device
   * told 401 may remove its enrollment.
   */
  async identifyForCheckin(tenantId: string, serialNumber: string): Promise<Device> {
    return (await this.identity(tenantId, serialNumber)).device;
  }

  /**
   * A command request's device and enrollment, from its identity in one query: the certificate must
   * be valid, the device managed, and the enrollment bound to this UDID and enabled.
   */
  async commandSession(
    tenantId: string,
    serialNumber: string,
    udid: string,
  ): Promise<{ device: Device; enrollment: AppleEnrollment }> {
    const { device, enrollment } = await this.identity(tenantId, serialNumber);
    return { device, enrollment: this.usable(await this.enrollmentOf(Promise.resolve(enrollment)), udid) };
  }

  private async identity(tenantId: string, serialNumber: string) {
    const found = await this.deps.store.forTenant(tenantId).appleEnrollments.byCertificate(serialNumber);
    const refusal = identityRefusal(found, { certificate: "identity certificate", rejoin: "enrol" });
    if (refusal) throw refuse(refusal.code, refusal.message);
    return found!;
  }

  /**
   * Authenticate: binds the UDID to the enrollment, empties the queue (the device starts afresh) and
   * disables the enrollment until TokenUpdate. The same phone enrolled again retires its old record.
   */
  async authenticate(tenantId: string, device: Device, facts: AppleDeviceFacts): Promise<void> {
    const now = this.deps.clock.now();
    let retired = false;
    await changeAndAudit(this.deps, deviceProtocol(tenantId), async (tenant, audit) => {
      const enrollment = await this.enrollmentOf(tenant.appleEnrollments.get(device.id));
      if (enrollment.udid !== null && enrollment.udid !== facts.udid)
        throw refuse(
          "identity_mismatch",
          `This identity certificate belongs to device ${enrollment.udid}, not ${facts.udid}.`,
        );
      const previous = await tenant.appleEnrollments.getByUdid(facts.udid);
      if (previous && previous.deviceId !== device.id) {
        // The UDID moves to the new enrollment.
        await this.retire(tenant, previous.deviceId, now, {
          code: "device_reenrolled",
          message: "The device enrolled again; its earlier enrollment was retired.",
        });
        await tenant.appleEnrollments.update(previous.deviceId, { udid: null });
        audit(
          "device.retire",
          { type: "device", id: previous.deviceId },
          { reason: "enrolled again", udid: facts.udid },
        );
        retired = true;
      }
      // A device installing a renewal profile (renew_identity) enrols again in place: Authenticate
      // and TokenUpdate with its new identity, then the acknowledgement. It is the same enrollment,
      // so its queue and its push registration stay; anything else starts afresh.
      const renewing =
        enrollment.udid === facts.udid &&
        enrollment.enabled &&
        (await this.renewalInFlight(tenant, device.id));
      await tenant.appleEnrollments.update(device.id, {
        udid: facts.udid,
        topic: facts.topic,
        authenticatedAt: now,
        ...(renewing ? {} : { enabled: false }),
      });
      if (!renewing)
        await tenant.commands.cancelOpenForDevice(device.id, now, {
          code: "device_reauthenticated",
          message: "The device authenticated again, which starts its command queue afresh.",
        });
      const next = {
        ...device,
        name: facts.deviceName?.trim() || device.name,
        model: facts.productName ?? facts.model ?? device.model,
        manufacturer: "Apple",
        serialNumber: facts.serialNumber ?? device.serialNumber,
        imei: facts.imei ?? device.imei,
        osVersion: facts.osVersion ?? device.osVersion,
      };
      await tenant.devices.update(device.id, {
        name: next.name,
        model: next.model,
        manufacturer: next.manufacturer,
        serialNumber: next.serialNumber,
        imei: next.imei,
        osVersion: next.osVersion,
        lastSeenAt: now,
        searchText: deviceSearchText(next),
        updatedAt: now,
      });
    });
    if (retired) this.listener.managedDevicesChanged(tenantId);
  }

  /**
   * Ends an enrollment, in the caller's transaction: the enrollment disabled, the device retired, its
   * identities revoked, its push token dropped and its open commands withdrawn, saying why.
   */
  private async retire(
    tenant: TenantStore,
    deviceId: string,
    now: number,
    reason: { code: string; message: string },
  ): Promise<void> {
    await tenant.appleEnrollments.update(deviceId, { enabled: false, checkedOutAt: now });
    await tenant.devices.update(deviceId, { state: "retired", updatedAt: now });
    await tenant.deviceCertificates.revokeForDevice(deviceId, now);
    await tenant.devicePush.delete(deviceId);
    await tenant.commands.cancelOpenForDevice(deviceId, now, reason);
  }

  /** Whether the device was handed a renew_identity command it has not answered yet. */
  private async renewalInFlight(tenant: TenantStore, deviceId: string): Promise<boolean> {
    // An Apple device takes one command at a time, so it has at most a few delivered.
    const delivered = await tenant.commands.listForDevice(
      deviceId,
      { state: "delivered" },
      pageRequest({ limit: 20 }),
    );
    return delivered.items.some((command) => command.type === "renew_identity");
  }

  /**
   * TokenUpdate: the device can now be woken, so the enrollment becomes usable. Says whether this was
   * the first, when the server queues the device's first inventory.
   */
  async tokenUpdate(tenantId: string, device: Device, update: ApplePushToken): Promise<{ first: boolean }> {
    const now = this.deps.clock.now();
    const first = await this.deps.store.transaction(async (tx) => {
      const tenant = tx.forTenant(tenantId);
      const enrollment = await this.enrollmentOf(tenant.appleEnrollments.get(device.id));
      this.checkBound(enrollment, update.udid);
      await tenant.appleEnrollments.update(device.id, {
        topic: update.topic,
        enabled: true,
        awaitingConfiguration: update.awaitingConfiguration,
        countTokenUpdate: true,
        ...(enrollment.enabledAt === null ? { enabledAt: now } : {}),
        ...(update.unlockToken ? { unlockToken: this.deps.secretBox.seal(update.unlockToken) } : {}),
      });
      await tenant.devicePush.save({
        deviceId: device.id,
        service: "apns",
        token: update.token,
        pushMagic: update.pushMagic,
        updatedAt: now,
      });
      const becomesActive = device.state === "enrolling" || device.state === "inactive";
      await tenant.devices.update(device.id, {
        lastSeenAt: now,
        updatedAt: now,
        ...(becomesActive ? { state: "active" as const } : {}),
        ...(device.state === "enrolling" ? { enrolledAt: now } : {}),
      });
      return enrollment.enabledAt === null;
    });
    if (first) this.listener.managedDevicesChanged(tenantId);
    return { first };
  }

  /** CheckOut: the user removed the profile. The device is retired and its identity revoked. */
  async checkOut(tenantId: string, device: Device, udid: string): Promise<void> {
    const now = this.deps.clock.now();
    await changeAndAudit(this.deps, deviceProtocol(tenantId), async (tenant, audit) => {
      const enrollment = await this.enrollmentOf(tenant.appleEnrollments.get(device.id));
      this.checkBound(enrollment, udid);
      await this.retire(tenant, device.id, now, {
        code: "device_checked_out",
        message: "The device's management profile was removed.",
      });
      await tenant.devices.update(device.id, { lastSeenAt: now, updatedAt: now });
      audit("device.checkout", { type: "device", id: device.id, label: device.name }, { udid });
    });
    this.listener.managedDevicesChanged(tenantId);
  }

  async setBootstrapToken(
    tenantId: string,
    device: Device,
    udid: string,
    token: string | null,
  ): Promise<void> {
    const tenant = this.deps.store.forTenant(tenantId);
    this.checkBound(await this.enrollmentOf(tenant.appleEnrollments.get(device.id)), udid);
    await tenant.appleEnrollments.update(device.id, {
      bootstrapToken: token === null ? null : this.deps.secretBox.seal(token),
    });
  }

  /** The escrowed bootstrap token (base64), or null when the device never gave one. */
  async getBootstrapToken(tenantId: string, device: Device, udid: string): Promise<string | null> {
    const enrollment = await this.enrollmentOf(
      this.deps.store.forTenant(tenantId).appleEnrollments.get(device.id),
    );
    this.checkBound(enrollment, udid);
    return enrollment.bootstrapToken === null ? null : this.deps.secretBox.open(enrollment.bootstrapToken);
  }

  /** The enrollment a command request comes from; it must be bound to this UDID and enabled. */
  async activeEnrollment(tenantId: string, device: Device, udid: string): Promise<AppleEnrollment> {
    return this.usable(
      await this.enrollmentOf(this.deps.store.forTenant(tenantId).appleEnrollments.get(device.id)),
      udid,
    );
  }

  private usable(enrollment: AppleEnrollment, udid: string): AppleEnrollment {
    this.checkBound(enrollment, udid);
    if (!enrollment.enabled)
      throw refuse(
        "enrollment_not_ready",
        "This enrollment takes commands only after Authenticate and TokenUpdate.",
      );
    return enrollment;
  }

  /** The unlock token (base64) ClearPasscode needs, opened only when a command is encoded. */
  openUnlockToken(enrollment: AppleEnrollment): string | null {
    return enrollment.unlockToken === null ? null : this.deps.secretBox.open(enrollment.unlockToken);
  }

  private async enrollmentOf(found: Promise<AppleEnrollment | undefined>): Promise<AppleEnrollment> {
    const enrollment = await found;
    if (!enrollment)
      throw refuse(
        "not_enrolled",
        "This device did not enrol through an enrollment profile from this server.",
      );
    return enrollment;
  }

  private checkBound(enrollment: AppleEnrollment, udid: string): void {
    if (enrollment.udid === null)
      throw refuse("not_authenticated", "Send Authenticate first: this enrollment has no device yet.");
    if (enrollment.udid !== udid)
      throw refuse(
        "identity_mismatch",
        `This identity certificate belongs to device ${enrollment.udid}, not ${udid}.`,
      );
  }
}
