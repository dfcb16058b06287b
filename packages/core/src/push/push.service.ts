import type { Actor } from "../access/actor.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { MeridianError, forbidden, invalid, notFound } from "../shared/errors.js";
import { DEFAULT_TENANT_ID } from "../tenants/tenant.js";
import {
  CREDENTIAL_SERVICES,
  PUSH_CHANNELS,
  type CredentialService,
  type DevicePushRegistration,
  type PushChannel,
  type PushCredentialsGateway,
  type PushCredentialsSummary,
} from "./device-push.js";

/**
 * Push credentials belong to the whole server (every tenant's devices are woken with them), so only
 * administrators of the default tenant may see or change them: on premises the only tenant, in cloud
 * mode the operator's.
 */
function serverWide(actor: Actor): void {
  if (actor.tenantId !== DEFAULT_TENANT_ID)
    throw forbidden(
      "push_credentials_operator_only",
      "Push credentials serve every tenant on this server; only the operator's administrators manage them.",
    );
}

const noGateway = () =>
  new MeridianError(
    "unavailable",
    "relay_unavailable",
    "Push credentials are kept at the relay, and this server is not linked to one right now. Check the relay link in Settings.",
  );

const MAX_TOKEN_LENGTH = 2048;

/** Devices' push tokens: recorded when a device says how to wake it, shown to administrators. */
export class PushService {
  constructor(private readonly deps: CoreDeps) {}

  /** A device (already authenticated by its certificate) tells the server how to wake it. */
  async register(
    tenantId: string,
    deviceId: string,
    input: { service: string; token: string; pushMagic?: string | undefined },
  ): Promise<void> {
    if (!PUSH_CHANNELS.includes(input.service as PushChannel))
      throw invalid("invalid_push_service", `Push service must be one of ${PUSH_CHANNELS.join(", ")}.`);
    const token = input.token.trim();
    if (!token || token.length > MAX_TOKEN_LENGTH)
      throw invalid("invalid_push_token", `A push token has 1 to ${MAX_TOKEN_LENGTH} characters.`);
    await this.deps.store.forTenant(tenantId).devicePush.save({
      deviceId,
      service: input.service as PushChannel,
      token,
      pushMagic: input.pushMagic ?? null,
      updatedAt: this.deps.clock.now(),
    });
  }

  async listCredentials(
    actor: Actor,
    gateway: PushCredentialsGateway | undefined,
  ): Promise<PushCredentialsSummary[]> {
    serverWide(actor);
    if (!gateway) throw noGateway();
    return gateway.list();
  }

  /** Checked and stored by the relay (which refuses credentials it cannot use), then audited here. */
  async setCredentials(
    actor: Actor,
    gateway: PushCredentialsGateway | undefined,
    credentials: { service: string } & Record<string, unknown>,
  ): Promise<PushCredentialsSummary> {
    serverWide(actor);
    if (!gateway) throw noGateway();
    if (!CREDENTIAL_SERVICES.includes(credentials.service as CredentialService))
      throw invalid("invalid_push_service", `Push service must be one of ${CREDENTIAL_SERVICES.join(", ")}.`);
    const summary = await gateway.set(
      credentials as { service: CredentialService } & Record<string, unknown>,
    );
    await changeAndAudit(this.deps, actor, async (_tenant, audit) =>
      audit("push.credentials_set", { type: "push_service", id: summary.service, label: summary.identity }),
    );
    return summary;
  }

  async removeCredentials(
    actor: Actor,
    gateway: PushCredentialsGateway | undefined,
    service: CredentialService,
  ): Promise<void> {
    serverWide(actor);
    if (!gateway) throw noGateway();
    await gateway.remove(service);
    await changeAndAudit(this.deps, actor, async (_tenant, audit) =>
      audit("push.credentials_removed", { type: "push_service", id: service }),
    );
  }

  /** How a device is woken, and whether its token still works; undefined when it gave none. */
  async forDevice(actor: Actor, deviceId: string): Promise<DevicePushRegistration | undefined> {
    const tenant = this.deps.store.forTenant(actor.tenantId);
    if (!(await tenant.devices.get(deviceId))) throw notFound("device", deviceId);
    return tenant.devicePush.get(deviceId);
  }
}
