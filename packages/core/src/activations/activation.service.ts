import type { Actor } from "../access/actor.js";
import { PLATFORMS, type Platform } from "../devices/device.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { MeridianError, invalid, notFound } from "../shared/errors.js";
import { newDeviceRecord, type NewDevice } from "../devices/device.service.js";
import type { Device } from "../devices/device.js";
import { newId } from "../shared/ids.js";
import { normalizeEmail } from "../shared/text.js";
import type { TenantStore } from "../store.js";
import {
  MAX_ACTIVATION_LIFETIME_MS,
  MAX_FAILED_ATTEMPTS,
  MIN_ACTIVATION_LIFETIME_MS,
  activationStatus,
  type Activation,
  type ActivationRecord,
  type ActivationStatus,
} from "./activation.js";

/** No 0/O, 1/l/I: people read these passwords off a screen and type them on a phone. */
export const ACTIVATION_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
export const MIN_PASSWORD_LENGTH = 6;
export const MAX_PASSWORD_LENGTH = 64;

export interface ActivationOptions {
  /** How long the password stays valid, from one minute to 30 days. */
  lifetimeMs?: number | undefined;
  singleUse?: boolean | undefined;
  passwordLength?: number | undefined;
  deviceLimit?: number | undefined;
  platforms?: Platform[] | undefined;
}

export interface ActivationDefaults {
  lifetimeMs: number;
  singleUse: boolean;
  passwordLength: number;
  deviceLimit: number;
}

export const ACTIVATION_DEFAULTS: ActivationDefaults = {
  lifetimeMs: 48 * 3600_000,
  singleUse: true,
  passwordLength: 10,
  deviceLimit: 5,
};

export interface IssuedActivation {
  activation: Activation;
  /** Shown once, to be handed to the user; only its hash is kept. */
  password: string;
  /** What the QR code carries: enough for the device to find its server and activate. */
  qrPayload: string;
}

export type ActivationRefusal =
  "no_activation" | "expired" | "used" | "locked" | "revoked" | "device_limit" | "platform_not_allowed";

export class ActivationRefused extends MeridianError {
  constructor(
    readonly reason: ActivationRefusal,
    message: string,
  ) {
    super(reason === "locked" ? "locked" : "forbidden", `activation_${reason}`, message);
  }
}

/**
 * Makes the verifier the activation exchange checks passwords against (a SPAKE2+ record). A port, so
 * that the domain does not depend on the exchange's cryptography.
 */
export interface ActivationSecrets {
  createVerifier(password: string): Promise<string>;
}

/**
 * Told (after the change is committed) when an address's activation may have changed, and when the
 * number of managed devices may have: the relay's activation registry and licence count follow these.
 */
export interface ActivationListener {
  activationChanged(tenantId: string, address: string): void;
  managedDevicesChanged(tenantId: string): void;
}

export const IGNORE_ACTIVATION_CHANGES: ActivationListener = {
  activationChanged: () => undefined,
  managedDevicesChanged: () => undefined,
};

/** An activation a device is trying to use, with what the server needs to run the exchange. */
export interface ActivationAttempt {
  activation: Activation;
  user: { id: string; email: string };
  verifier: string;
}

const REFUSALS: Record<string, [ActivationRefusal, string]> = {
  expired: ["expired", "This activation password has expired. Ask your administrator for a new one."],
  used: ["used", "This activation password has already been used. Ask your administrator for a new one."],
  locked: [
    "locked",
    "This activation is locked after too many failed attempts. Ask your administrator for a new one.",
  ],
  revoked: [
    "revoked",
    "This activation was cancelled by an administrator. Ask your administrator for a new one.",
  ],
  none: ["no_activation", "There is no activation for this address. Ask your administrator for one."],
};

const refuse = (status: string) => new ActivationRefused(...(REFUSALS[status] ?? REFUSALS.none!));

export class ActivationService {
  constructor(
    private readonly deps: CoreDeps,
    private readonly secrets: ActivationSecrets,
    private readonly defaults: ActivationDefaults = ACTIVATION_DEFAULTS,
    private readonly listener: ActivationListener = IGNORE_ACTIVATION_CHANGES,
  ) {}

  /**
   * Issues an activation password for a user. It replaces the user's earlier activations that could
   * still be used: a user has one current activation password, so a device need only know its address.
   */
  async create(actor: Actor, userId: string, options: ActivationOptions = {}): Promise<IssuedActivation> {
    const lifetimeMs = options.lifetimeMs ?? this.defaults.lifetimeMs;
    const passwordLength = options.passwordLength ?? this.defaults.passwordLength;
    const deviceLimit = options.deviceLimit ?? this.defaults.deviceLimit;
    const platforms = options.platforms ?? [...PLATFORMS];
    const problems = [];
    if (
      !Number.isInteger(lifetimeMs) ||
      lifetimeMs < MIN_ACTIVATION_LIFETIME_MS ||
      lifetimeMs > MAX_ACTIVATION_LIFETIME_MS
    ) {
      problems.push({
        field: "expiresInMinutes",
        message: "must be from 1 minute to 30 days (43200 minutes)",
      });
    }
    if (
      !Number.isInteger(passwordLength) ||
      passwordLength < MIN_PASSWORD_LENGTH ||
      passwordLength > MAX_PASSWORD_LENGTH
    ) {
      problems.push({
        field: "passwordLength",
        message: `must be from ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH}`,
      });
    }
    if (!Number.isInteger(deviceLimit) || deviceLimit < 1 || deviceLimit > 100) {
      problems.push({ field: "deviceLimit", message: "must be from 1 to 100" });
    }
    if (platforms.length === 0 || platforms.some((p) => !PLATFORMS.includes(p))) {
      problems.push({ field: "platforms", message: `must list one or more of ${PLATFORMS.join(", ")}` });
    }
    if (problems.length > 0) {
      throw invalid(
        "invalid_activation",
        problems.map((p) => `${p.field} ${p.message}`).join("; "),
        problems,
      );
    }

    const password = this.deps.crypto.randomPassword(passwordLength, ACTIVATION_ALPHABET);
    const verifier = this.deps.secretBox.seal(await this.secrets.createVerifier(password));
    const now = this.deps.clock.now();
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const user = await tenant.users.get(userId);
      if (!user) throw notFound("user", userId);
      const replaced = await tenant.activations.revokeUsableForUser(userId, now);
      const record: ActivationRecord = {
        id: newId(now),
        tenantId: actor.tenantId,
        userId,
        expiresAt: now + lifetimeMs,
        maxUses: (options.singleUse ?? this.defaults.singleUse) ? 1 : null,
        useCount: 0,
        failedAttempts: 0,
        lockedAt: null,
        revokedAt: null,
        deviceLimit,
        platforms: [...new Set(platforms)],
        createdBy: actor.label,
        createdAt: now,
        verifier,
      };
      await tenant.activations.insert(record);
      audit(
        "activation.create",
        { type: "user", id: userId, label: user.email },
        { activationId: record.id, expiresAt: record.expiresAt, singleUse: record.maxUses === 1, replaced },
      );
      const { verifier: _omit, ...activation } = record;
      const qrPayload = JSON.stringify({ v: 1, type: "meridian-activation", address: user.email, password });
      return { activation, password, qrPayload, address: user.email };
    }).then(({ address, ...issued }) => {
      this.listener.activationChanged(actor.tenantId, address);
      return issued;
    });
  }

  async listForUser(actor: Actor, userId: string): Promise<Array<Activation & { status: ActivationStatus }>> {
    const tenant = this.deps.store.forTenant(actor.tenantId);
    if (!(await tenant.users.get(userId))) throw notFound("user", userId);
    const now = this.deps.clock.now();
    return (await tenant.activations.listForUser(userId)).map((a) => ({
      ...a,
      status: activationStatus(a, now),
    }));
  }

  /** Ends an activation before its expiry, so its password no longer works. */
  async revoke(actor: Actor, userId: string, activationId: string): Promise<void> {
    const address = await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const activation = await tenant.activations.get(activationId);
      if (!activation || activation.userId !== userId) throw notFound("activation", activationId);
      await tenant.activations.revoke(activationId, this.deps.clock.now());
      audit("activation.revoke", { type: "user", id: userId }, { activationId });
      return (await tenant.users.get(userId))?.email;
    });
    if (address) this.listener.activationChanged(actor.tenantId, address);
  }

  /**
   * A device starts activating for an address: finds the user's current activation and checks it may
   * be used for this device. A wrong password shows only on the device's side (it cannot check the
   * server's proof), so the exchange layer reports each try that does not end in success with
   * `recordFailure`, and limits how many tries may be open at once.
   */
  async beginAttempt(tenantId: string, address: string, platform: Platform): Promise<ActivationAttempt> {
    const tenant = this.deps.store.forTenant(tenantId);
    const now = this.deps.clock.now();
    const user = await tenant.users.getByEmail(normalizeEmail(address));
    if (!user) throw refuse("none");
    const [candidate] = await tenant.activations.listUsableForUser(user.id, now);
    if (!candidate) {
      const [latest] = await tenant.activations.listForUser(user.id);
      throw refuse(latest ? activationStatus(latest, now) : "none");
    }
    if (!candidate.platforms.includes(platform)) {
      throw new ActivationRefused(
        "platform_not_allowed",
        `This activation does not allow ${platform} devices.`,
      );
    }
    await this.checkDeviceLimit(tenantId, user.id, candidate.deviceLimit);
    const { verifier, ...activation } = candidate;
    return {
      activation,
      user: { id: user.id, email: user.email },
      verifier: this.deps.secretBox.open(verifier),
    };
  }

  /** A try that did not succeed: counted, and the fifth locks the activation. Returns the tries left. */
  async recordFailure(tenantId: string, activationId: string): Promise<number> {
    const failures = await this.deps.store
      .forTenant(tenantId)
      .activations.recordFailure(activationId, MAX_FAILED_ATTEMPTS, this.deps.clock.now());
    return Math.max(0, MAX_FAILED_ATTEMPTS - failures);
  }

  /**
   * The exchange succeeded: takes one use of the activation and registers the device to the user, in
   * one transaction, checking again that the activation may still be used.
   */
  async completeAttempt(
    tenantId: string,
    activationId: string,
    device: Omit<NewDevice, "ownerUserId">,
    /**
     * Issues the device's identity certificate, inside the transaction, so a failure undoes the
     * activation. Apple devices get theirs later, by SCEP: their protocol records what it needs in
     * `tenant` (the transaction's store) and returns nothing.
     */
    issueIdentity: (
      deviceId: string,
      tenant: TenantStore,
    ) => Promise<{ serialNumber: string; notAfter: number } | undefined>,
  ): Promise<Device> {
    const now = this.deps.clock.now();
    const actor = {
      tenantId,
      type: "system" as const,
      id: "activation",
      label: "device activation",
      permissions: new Set<never>(),
      ip: undefined,
    };
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const activation = await tenant.activations.get(activationId);
      if (!activation) throw refuse("none");
      const status = activationStatus(activation, now);
      if (status !== "active") throw refuse(status);
      if (!activation.platforms.includes(device.platform)) {
        throw new ActivationRefused(
          "platform_not_allowed",
          `This activation does not allow ${device.platform} devices.`,
        );
      }
      await this.checkDeviceLimit(tenantId, activation.userId, activation.deviceLimit, tenant);
      if (!(await tenant.activations.consumeUse(activationId))) throw refuse("used");
      const record = newDeviceRecord(
        tenantId,
        { ...device, ownerUserId: activation.userId, state: device.state ?? "active" },
        now,
      );
      await tenant.devices.insert(record);
      const identity = await issueIdentity(record.id, tenant);
      if (identity)
        await tenant.deviceCertificates.insert({
          ...identity,
          deviceId: record.id,
          issuedAt: now,
          revokedAt: null,
        });
      audit(
        "device.activate",
        { type: "device", id: record.id, label: record.name },
        { activationId, userId: activation.userId, platform: record.platform },
      );
      const { searchText: _omit, ...created } = record;
      return { created, address: (await tenant.users.get(activation.userId))?.email };
    }).then(({ created, address }) => {
      if (address) this.listener.activationChanged(tenantId, address);
      this.listener.managedDevicesChanged(tenantId);
      return created;
    });
  }

  /** When the address's current activation expires, or undefined when it has none that can be used. */
  async currentForAddress(tenantId: string, address: string): Promise<{ expiresAt: number } | undefined> {
    return this.deps.store
      .forTenant(tenantId)
      .activations.currentForAddress(normalizeEmail(address), this.deps.clock.now());
  }

  async listCurrent(tenantId: string): Promise<Array<{ email: string; expiresAt: number }>> {
    return this.deps.store.forTenant(tenantId).activations.listCurrent(this.deps.clock.now());
  }

  private async checkDeviceLimit(
    tenantId: string,
    userId: string,
    limit: number,
    tenant = this.deps.store.forTenant(tenantId),
  ): Promise<void> {
    if ((await tenant.devices.countManagedForUser(userId)) >= limit) {
      throw new ActivationRefused(
        "device_limit",
        `This user already has ${limit} device(s), the most the activation allows.`,
      );
    }
  }
}
