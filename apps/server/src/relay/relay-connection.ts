import type { Duplex } from "node:stream";
import type { FastifyBaseLogger } from "fastify";
import { DEFAULT_TENANT_ID, type ActivationListener, type Core, type WakeSender } from "@meridian/core";
import { createCsr, generateKeyPair } from "@meridian/pki";
import { activationAddressHash, verifyLicence, type Licence } from "@meridian/protocol";
import { backoffDelay, enrolAtRelay, fetchPinnedCa, LinkClient, type LinkState } from "@meridian/tunnel";
import type { DeviceHosts } from "../device-endpoint/device-hosts.js";
import type { TenantPki } from "../device-endpoint/tenant-pki.js";
import { coalescedTask, coalescedTasksByKey } from "./coalesced-task.js";
import { RelayApiClient, type RelayAccount } from "./relay-api-client.js";
import type { RelaySettings } from "./relay-settings.js";

const LINK_CREDENTIALS = "relay.link-credentials";

export interface RelayStatus {
  serverId: string;
  relay: string;
  state: "starting" | "enrolling" | LinkState | "failed";
  domain: string | undefined;
  licence: Licence | undefined;
  lastError: string | undefined;
}

/**
 * The server's side of its relay: enrols once for a link certificate (kept sealed), holds the link
 * whose streams carry devices to the device endpoint, and keeps the relay's activation registry and
 * licence count in step with this server, re-sending everything whenever the link comes back.
 */
export class RelayConnection implements ActivationListener {
  private api: RelayApiClient | undefined;
  private link: LinkClient | undefined;
  private account: RelayAccount | undefined;
  private licence: Licence | undefined;
  private state: RelayStatus["state"] = "starting";
  private lastError: string | undefined;
  private stopped = false;
  private readonly synced: Promise<void>;
  private markSynced!: () => void;
  /** What the relay was last told per address hash, so that a use which changes nothing sends nothing. */
  private readonly registered = new Map<string, string>();
  /** Tenant CAs the relay has been given on this link. */
  private readonly deviceCasSent = new Set<string>();
  private readonly publishActivationSoon = coalescedTasksByKey<string>(
    (key) => {
      const [tenantId, address] = JSON.parse(key) as [string, string];
      return this.publishActivation(tenantId, address);
    },
    (error) => this.failed("activation registration", error),
  );
  private readonly publishDeviceCountSoon = coalescedTask(
    () => this.publishDeviceCount(),
    (error) => this.failed("device count", error),
  );

  constructor(
    private readonly options: {
      core: Core;
      settings: RelaySettings;
      hosts: DeviceHosts;
      pki: TenantPki;
      acceptDevice: (stream: Duplex) => void;
      log: FastifyBaseLogger;
    },
  ) {
    this.synced = new Promise((resolve) => (this.markSynced = resolve));
  }

  /** Starts connecting in the background; the server does not wait for the relay to be reachable. */
  start(): void {
    void this.connect();
  }

  /** Resolves once the link is up and the relay knows this server's activations and device count. */
  whenSynced(): Promise<void> {
    return this.synced;
  }

  status(): RelayStatus {
    return {
      serverId: this.options.settings.serverId,
      relay: this.options.settings.link,
      state: this.state,
      domain: this.account?.domain,
      licence: this.licence,
      lastError: this.lastError,
    };
  }

  currentLicence(): Licence | undefined {
    return this.licence;
  }

  /** The relay's push gateway, while the server has a relay API client; undefined before that. */
  wakeSender(): WakeSender | undefined {
    const api = this.api;
    return api && { wake: (requests) => api.wake(requests) };
  }

  /** The relay's API for the push credentials routes; undefined until the server has enrolled. */
  relayApi(): RelayApiClient | undefined {
    return this.api;
  }

  activationChanged(tenantId: string, address: string): void {
    this.publishActivationSoon(JSON.stringify([tenantId, address]));
  }

  managedDevicesChanged(): void {
    this.publishDeviceCountSoon();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.link?.close();
    this.api?.close();
  }

  private async connect(): Promise<void> {
    const { settings, hosts, log } = this.options;
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        const credentials = await this.linkCredentials();
        const relayCa = await fetchPinnedCa(
          { address: settings.edge, serverName: settings.host, proxy: settings.proxy },
          settings.caFingerprint,
        );
        this.api = new RelayApiClient(settings, { ca: relayCa, ...credentials });
        this.account = await this.api.me();
        this.licence = verifyLicence(this.account.licence, relayCa);
        hosts.setDomain(this.account.domain);
        this.link = new LinkClient({
          relays: [settings.link],
          trust: { caFingerprint256: settings.caFingerprint },
          serverName: settings.host,
          credentials,
          ...(settings.proxy ? { proxy: settings.proxy } : {}),
          onStream: (stream) => this.options.acceptDevice(stream),
        });
        this.link.on("up", () => {
          this.state = "up";
          log.info({ relay: settings.link }, "relay link up");
          void this.syncAll().then(this.markSynced, (error: unknown) => this.failed("sync", error));
        });
        this.link.on("down", (event) => {
          this.state = "waiting";
          this.lastError = event.reason;
          log.warn(event, "relay link down");
        });
        this.link.start();
        return;
      } catch (error) {
        this.failed("connection", error);
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt)).unref?.());
      }
    }
  }

  /** The link certificate and key: enrolled once with the server ID and key, then kept sealed. */
  private async linkCredentials(): Promise<{ key: string; cert: string }> {
    const stored = await this.options.core.secrets.get(DEFAULT_TENANT_ID, LINK_CREDENTIALS);
    if (stored) {
      const parsed = JSON.parse(stored) as { key: string; cert: string; serverId: string };
      if (parsed.serverId === this.options.settings.serverId) return parsed;
    }
    this.state = "enrolling";
    const { settings } = this.options;
    const keys = await generateKeyPair();
    const { certificate } = await enrolAtRelay({
      relay: settings.link,
      trust: { caFingerprint256: settings.caFingerprint },
      serverName: settings.host,
      ...(settings.proxy ? { proxy: settings.proxy } : {}),
      request: {
        serverId: settings.serverId,
        authenticationKey: settings.authenticationKey,
        certificateSigningRequest: await createCsr({ commonName: settings.serverId, keys: keys.keys }),
      },
    });
    const credentials = { key: keys.privateKeyPem, cert: certificate, serverId: settings.serverId };
    await this.options.core.secrets.set(DEFAULT_TENANT_ID, LINK_CREDENTIALS, JSON.stringify(credentials));
    return credentials;
  }

  private async syncAll(): Promise<void> {
    const { core } = this.options;
    this.registered.clear();
    this.deviceCasSent.clear();
    for (const tenant of await core.tenants.list()) {
      // Devices activated earlier keep their push channels across relay restarts.
      const ca = await this.options.pki.authority(tenant.id);
      await this.registerDeviceCa(ca.fingerprint, ca.certificatePem);
      for (const current of await core.activations.listCurrent(tenant.id))
        await this.register(tenant.id, current.email, current.expiresAt);
    }
    await this.publishDeviceCount();
  }

  private async publishActivation(tenantId: string, address: string): Promise<void> {
    if (!this.api) return; // Not connected yet: the sync on link-up sends it.
    const current = await this.options.core.activations.currentForAddress(tenantId, address);
    if (current) await this.register(tenantId, address, current.expiresAt);
    else {
      const addressHash = activationAddressHash(address);
      await this.api.unregisterActivation(addressHash);
      this.registered.delete(addressHash);
    }
  }

  private async register(tenantId: string, address: string, expiresAt: number): Promise<void> {
    const tenant = await this.options.core.deps.store.tenants.get(tenantId);
    const host = tenant && this.options.hosts.hostFor(tenant);
    if (!host || !this.api) return;
    const ca = await this.options.pki.authority(tenantId);
    await this.registerDeviceCa(ca.fingerprint, ca.certificatePem);
    const addressHash = activationAddressHash(address);
    const entry = { host, caFingerprint: ca.fingerprint, expiresAt };
    const said = JSON.stringify(entry);
    if (this.registered.get(addressHash) === said) return;
    await this.api.registerActivation(addressHash, entry);
    this.registered.set(addressHash, said);
  }

  /** Once per CA and link: the relay then accepts push channels from that tenant's devices. */
  private async registerDeviceCa(fingerprint: string, certificatePem: string): Promise<void> {
    if (!this.api || this.deviceCasSent.has(fingerprint)) return;
    await this.api.registerDeviceCas([certificatePem]);
    this.deviceCasSent.add(fingerprint);
  }

  private async publishDeviceCount(): Promise<void> {
    if (!this.api) return;
    let count = 0;
    for (const tenant of await this.options.core.tenants.list())
      count += await this.options.core.devices.countManaged(tenant.id);
    await this.api.reportDeviceCount(count);
  }

  private failed(what: string, error: unknown): void {
    this.lastError = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    this.options.log.warn({ err: error }, `relay ${what} failed`);
  }
}
