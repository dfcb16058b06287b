import type { Actor } from "../access/actor.js";
import { PLATFORMS, type Platform } from "../devices/device.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { MeridianError, invalid, notFound } from "../shared/errors.js";
import { newId } from "../shared/ids.js";
import { normalizeEmail } from "../shared/text.js";
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
  | "no_activation"
  | "wrong_password"
  | "expired"
  | "used"
  | "locked"
  | "revoked"
  | "device_limit"
  | "platform_not_allowed";

export class ActivationRefused extends MeridianError {
  constructor(
    readonly reason: ActivationRefusal,
    message: string,
  ) {
    super(reason === "locked" ? "locked" : "forbidden", `activation_${reason}`, message);
  }
}

export class ActivationService {
  constructor(
    private readonly deps: CoreDeps,
    private readonly defaults: ActivationDefaults = ACTIVATION_DEFAULTS,
  ) {}

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
    if (problems.length > 0)
      throw invalid(
        "invalid_activation",
        problems.map((p) => `${p.field} ${p.message}`).join("; "),
        problems,
      );

    const password = this.deps.crypto.randomPassword(passwordLength, ACTIVATION_ALPHABET);
    const passwordHash = await this.deps.crypto.hashPassword(password);
    const now = this.deps.clock.now();
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const user = await tenant.users.get(userId);
      if (!user) throw notFound("user", userId);
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
        passwordHash,
      };
      await tenant.activations.insert(record);
      audit(
        "activation.create",
        { type: "user", id: userId, label: user.email },
        { activationId: record.id, expiresAt: record.expiresAt, singleUse: record.maxUses === 1 },
      );
      const { passwordHash: _omit, ...activation } = record;
      const qrPayload = JSON.stringify({ v: 1, type: "meridian-activation", address: user.email, password });
      return { activation, password, qrPayload };
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
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const activation = await tenant.activations.get(activationId);
      if (!activation || activation.userId !== userId) throw notFound("activation", activationId);
      await tenant.activations.revoke(activationId, this.deps.clock.now());
      audit("activation.revoke", { type: "user", id: userId }, { activationId });
    });
  }

  /**
   * Checks an activation password for a user's address and, when it is right, takes one use of the
   * activation. Wrong passwords count against every usable activation of that user and lock each at
   * the fifth failure, so guessing cannot be spread across activations.
   */
  async redeem(tenantId: string, address: string, password: string, platform: Platform): Promise<Activation> {
    const tenant = this.deps.store.forTenant(tenantId);
    const now = this.deps.clock.now();
    const user = await tenant.users.getByEmail(normalizeEmail(address));
    if (!user)
      throw new ActivationRefused(
        "no_activation",
        "There is no activation for this address. Ask your administrator for one.",
      );
    const all = await tenant.activations.listForUser(user.id);
    const usable = await tenant.activations.listUsableForUser(user.id, now);
    if (usable.length === 0) {
      const latest = all[0];
      const status = latest ? activationStatus(latest, now) : "none";
      if (status === "expired")
        throw new ActivationRefused(
          "expired",
          "This activation password has expired. Ask your administrator for a new one.",
        );
      if (status === "used")
        throw new ActivationRefused(
          "used",
          "This activation password has already been used. Ask your administrator for a new one.",
        );
      if (status === "locked")
        throw new ActivationRefused(
          "locked",
          "This activation is locked after too many wrong passwords. Ask your administrator for a new one.",
        );
      if (status === "revoked")
        throw new ActivationRefused("revoked", "This activation was cancelled by an administrator.");
      throw new ActivationRefused(
        "no_activation",
        "There is no activation for this address. Ask your administrator for one.",
      );
    }
    for (const candidate of usable) {
      if (await this.deps.crypto.verifyPassword(candidate.passwordHash, password)) {
        if (!candidate.platforms.includes(platform)) {
          throw new ActivationRefused(
            "platform_not_allowed",
            `This activation does not allow ${platform} devices.`,
          );
        }
        if ((await tenant.devices.countManagedForUser(user.id)) >= candidate.deviceLimit) {
          throw new ActivationRefused(
            "device_limit",
            `You already have ${candidate.deviceLimit} device(s), the most your administrator allows.`,
          );
        }
        if (!(await tenant.activations.consumeUse(candidate.id))) {
          throw new ActivationRefused(
            "used",
            "This activation password has already been used. Ask your administrator for a new one.",
          );
        }
        const { passwordHash: _omit, ...activation } = candidate;
        return { ...activation, useCount: activation.useCount + 1 };
      }
    }
    let locked = false;
    for (const candidate of usable) {
      const failures = await tenant.activations.recordFailure(candidate.id, MAX_FAILED_ATTEMPTS, now);
      locked ||= failures >= MAX_FAILED_ATTEMPTS;
    }
    if (locked)
      throw new ActivationRefused(
        "locked",
        "Too many wrong passwords: this activation is now locked. Ask your administrator for a new one.",
      );
    throw new ActivationRefused(
      "wrong_password",
      "The activation password is wrong. Check it and try again.",
    );
  }
}
