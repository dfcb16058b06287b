import type { Actor } from "../access/actor.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { invalid, notFound, unauthenticated } from "../shared/errors.js";
import { newId } from "../shared/ids.js";
import { pageRequest, type Page } from "../shared/paging.js";
import { searchText } from "../shared/text.js";
import type {
  Device,
  DeviceQuery,
  DeviceRecord,
  DeviceState,
  DeviceSummary,
  Ownership,
  Platform,
} from "./device.js";
import type { ComplianceReport, DeviceInventory } from "./inventory.js";
import type { ActivationListener } from "../activations/activation.service.js";
import { identityRefusal } from "./identity-rules.js";

/** An Apple identity this close to its end without renewal is worth an administrator's attention. */
const IDENTITY_WARNING_MS = 7 * 86_400_000;
export interface NewDevice {
  name?: string | undefined;
  platform: Platform;
  ownership?: Ownership | undefined;
  model?: string | undefined;
  manufacturer?: string | undefined;
  osVersion?: string | undefined;
  serialNumber?: string | undefined;
  imei?: string | undefined;
  state?: DeviceState | undefined;
  ownerUserId?: string | undefined;
}

export interface DeviceChanges {
  name?: string | undefined;
  ownership?: Ownership | undefined;
  ownerUserId?: string | null | undefined;
}

export function deviceSearchText(device: Pick<Device, "name" | "model" | "serialNumber" | "imei">): string {
  return searchText(device.name, device.model, device.serialNumber, device.imei);
}

/** Builds a device row from what a device reports about itself at activation or enrollment. */
export function newDeviceRecord(tenantId: string, input: NewDevice, now: number): DeviceRecord {
  const name =
    input.name?.trim() ||
    [input.model, input.serialNumber].filter(Boolean).join(" ") ||
    `${input.platform} device`;
  const device: Device = {
    id: newId(now),
    tenantId,
    name,
    platform: input.platform,
    ownership: input.ownership ?? "unknown",
    model: input.model ?? null,
    manufacturer: input.manufacturer ?? null,
    osVersion: input.osVersion ?? null,
    serialNumber: input.serialNumber ?? null,
    imei: input.imei ?? null,
    state: input.state ?? "active",
    ownerUserId: input.ownerUserId ?? null,
    enrolledAt: now,
    lastSeenAt: now,
    createdAt: now,
    updatedAt: now,
  };
  return { ...device, searchText: deviceSearchText(device) };
}

export class DeviceService {
  constructor(
    private readonly deps: CoreDeps,
    private readonly listener: Pick<ActivationListener, "managedDevicesChanged"> = {
      managedDevicesChanged: () => undefined,
    },
  ) {}

  /** Registers a device that has finished activation; called by the device protocols, not by administrators. */
  async register(actor: Actor, input: NewDevice): Promise<Device> {
    const record = newDeviceRecord(actor.tenantId, input, this.deps.clock.now());
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      if (record.ownerUserId && !(await tenant.users.get(record.ownerUserId)))
        throw notFound("user", record.ownerUserId);
      await tenant.devices.insert(record);
      audit(
        "device.register",
        { type: "device", id: record.id, label: record.name },
        { platform: record.platform },
      );
      const { searchText: _omit, ...device } = record;
      return device;
    });
  }

  async get(actor: Actor, id: string): Promise<Device> {
    const device = await this.deps.store.forTenant(actor.tenantId).devices.get(id);
    if (!device) throw notFound("device", id);
    return device;
  }

  /**
   * A device with when its identity ends (the newest unrevoked identity certificate's notAfter;
   * null when it has none), for the detail page: Apple identities are renewed before that.
   */
  async detail(actor: Actor, id: string): Promise<Device & { identityExpiresAt: number | null }> {
    const tenant = this.deps.store.forTenant(actor.tenantId);
    const [device, identityExpiresAt] = await Promise.all([
      tenant.devices.get(id),
      tenant.deviceCertificates.identityExpiry(id),
    ]);
    if (!device) throw notFound("device", id);
    return { ...device, identityExpiresAt };
  }

  async list(
    actor: Actor,
    query: Omit<DeviceQuery, "sort" | "descending"> & Partial<Pick<DeviceQuery, "sort" | "descending">>,
    paging: { limit?: number; cursor?: string },
  ): Promise<Page<Device>> {
    const text = query.text?.trim().toLowerCase() || undefined;
    const osVersion = query.osVersion?.trim() || undefined;
    if (osVersion !== undefined && !/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/.test(osVersion)) {
      throw invalid(
        "invalid_os_version",
        "osVersion must look like a version number, such as 17 or 17.4.1.",
        [{ field: "osVersion", message: "must look like a version number" }],
      );
    }
    const tenant = this.deps.store.forTenant(actor.tenantId);
    if (query.groupId !== undefined && !(await tenant.groups.get(query.groupId)))
      throw notFound("group", query.groupId);
    return tenant.devices.list(
      { ...query, text, osVersion, sort: query.sort ?? "name", descending: query.descending ?? false },
      pageRequest(paging),
    );
  }

  async update(actor: Actor, id: string, changes: DeviceChanges): Promise<Device> {
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const device = await tenant.devices.get(id);
      if (!device) throw notFound("device", id);
      if (changes.ownerUserId && !(await tenant.users.get(changes.ownerUserId)))
        throw notFound("user", changes.ownerUserId);
      const name = changes.name === undefined ? device.name : changes.name.trim();
      if (name.length === 0 || name.length > 200) {
        throw invalid("invalid_device", "name must be 1 to 200 characters", [
          { field: "name", message: "must be 1 to 200 characters" },
        ]);
      }
      const next: Device = {
        ...device,
        name,
        ownership: changes.ownership ?? device.ownership,
        ownerUserId: changes.ownerUserId === undefined ? device.ownerUserId : changes.ownerUserId,
        updatedAt: this.deps.clock.now(),
      };
      await tenant.devices.update(id, {
        name: next.name,
        ownership: next.ownership,
        ownerUserId: next.ownerUserId,
        searchText: deviceSearchText(next),
        updatedAt: next.updatedAt,
      });
      audit(
        "device.update",
        { type: "device", id, label: next.name },
        { fields: Object.keys(changes).filter((k) => changes[k as keyof DeviceChanges] !== undefined) },
      );
      return next;
    });
  }

  /** Forgets a device. Wiping or retiring one is a device command, which comes with the device protocols. */
  async delete(actor: Actor, id: string): Promise<void> {
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const device = await tenant.devices.get(id);
      if (!device) throw notFound("device", id);
      await tenant.deviceCertificates.revokeForDevice(id, this.deps.clock.now());
      await tenant.commands.deleteForDevice(id);
      await tenant.inventories.deleteForDevice(id);
      await tenant.devicePush.delete(id);
      await tenant.appleEnrollments.delete(id);
      await tenant.devices.delete(id);
      audit("device.delete", { type: "device", id, label: device.name });
    });
    this.listener.managedDevicesChanged(actor.tenantId);
  }

  /**
   * Stores what a device reported and brings the device's own fields (model, OS version, serial,
   * IMEI, last contact) up to date. Called by the device protocols, not by administrators.
   */
  async recordInventory(
    tenantId: string,
    deviceId: string,
    inventory: Omit<DeviceInventory, "receivedAt">,
  ): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const tenant = tx.forTenant(tenantId);
      const device = await tenant.devices.get(deviceId);
      if (!device) throw notFound("device", deviceId);
      const next = {
        ...device,
        manufacturer: inventory.hardware.manufacturer ?? device.manufacturer,
        model: inventory.hardware.model ?? device.model,
        serialNumber: inventory.hardware.serialNumber ?? device.serialNumber,
        imei: inventory.hardware.imei ?? device.imei,
        osVersion: inventory.os.version || device.osVersion,
      };
      await tenant.devices.update(deviceId, {
        manufacturer: next.manufacturer,
        model: next.model,
        serialNumber: next.serialNumber,
        imei: next.imei,
        osVersion: next.osVersion,
        lastSeenAt: now,
        state: device.state === "inactive" || device.state === "enrolling" ? "active" : device.state,
        searchText: deviceSearchText(next),
        updatedAt: now,
      });
      await tenant.inventories.save(deviceId, { ...inventory, receivedAt: now });
    });
  }

  /**
   * Apple devices report their inventory one query at a time (device information, security, apps):
   * each part is merged into what the device reported before.
   */
  async recordInventoryPart(
    tenantId: string,
    deviceId: string,
    part: {
      hardware?: Partial<DeviceInventory["hardware"]> | undefined;
      os?: Partial<DeviceInventory["os"]> | undefined;
      security?: Partial<DeviceInventory["security"]> | undefined;
      apps?: DeviceInventory["apps"] | undefined;
    },
  ): Promise<void> {
    const current = await this.deps.store.forTenant(tenantId).inventories.get(deviceId);
    const base: Omit<DeviceInventory, "receivedAt"> = current ?? {
      collectedAt: 0,
      hardware: {
        manufacturer: null,
        model: null,
        serialNumber: null,
        imei: null,
        wifiMac: null,
        totalStorageBytes: null,
        freeStorageBytes: null,
        batteryLevel: null,
      },
      os: { version: "", buildId: null, securityPatchLevel: null },
      security: {
        encrypted: false,
        passcodeSet: false,
        compromised: false,
        developerOptionsEnabled: null,
        unknownSourcesAllowed: null,
      },
      apps: [],
    };
    await this.recordInventory(tenantId, deviceId, {
      collectedAt: this.deps.clock.now(),
      hardware: { ...base.hardware, ...part.hardware },
      os: { ...base.os, ...part.os },
      security: { ...base.security, ...part.security },
      apps: part.apps ?? base.apps,
    });
  }

  async recordCompliance(
    tenantId: string,
    deviceId: string,
    report: Omit<ComplianceReport, "reportedAt">,
  ): Promise<void> {
    await this.deps.store
      .forTenant(tenantId)
      .inventories.saveCompliance(deviceId, { ...report, reportedAt: this.deps.clock.now() });
  }

  async compliance(actor: Actor, deviceId: string): Promise<ComplianceReport | null> {
    const tenant = this.deps.store.forTenant(actor.tenantId);
    if (!(await tenant.devices.get(deviceId))) throw notFound("device", deviceId);
    return (await tenant.inventories.getCompliance(deviceId)) ?? null;
  }

  async inventory(actor: Actor, deviceId: string): Promise<DeviceInventory | null> {
    const tenant = this.deps.store.forTenant(actor.tenantId);
    if (!(await tenant.devices.get(deviceId))) throw notFound("device", deviceId);
    return (await tenant.inventories.get(deviceId)) ?? null;
  }

  /**
   * The device a client certificate belongs to, checked on every request: the certificate must be one
   * the tenant issued and not revoked, and the device still managed.
   */
  async identify(tenantId: string, serialNumber: string): Promise<Device> {
    const tenant = this.deps.store.forTenant(tenantId);
    const certificate = await tenant.deviceCertificates.get(serialNumber);
    const device =
      certificate && certificate.revokedAt === null
        ? await tenant.devices.get(certificate.deviceId)
        : undefined;
    const refusal = identityRefusal(certificate && { revokedAt: certificate.revokedAt, device }, {
      certificate: "device certificate",
      rejoin: "activate",
    });
    if (refusal) throw unauthenticated(refusal.code, refusal.message);
    return device!;
  }

  /** Notes that the device was in touch (any authenticated request). */
  async touch(tenantId: string, deviceId: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.forTenant(tenantId).devices.update(deviceId, { lastSeenAt: now, updatedAt: now });
  }

  async countManaged(tenantId: string): Promise<number> {
    return this.deps.store.forTenant(tenantId).devices.countManaged();
  }

  async summary(actor: Actor): Promise<DeviceSummary> {
    const tenant = this.deps.store.forTenant(actor.tenantId);
    const now = this.deps.clock.now();
    return {
      ...(await tenant.devices.summary(now)),
      appleIdentitiesEndingSoon: await tenant.appleEnrollments.countIdentitiesEndingBefore(
        now + IDENTITY_WARNING_MS,
      ),
    };
  }
}
