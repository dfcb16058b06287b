import type { Actor } from "../access/actor.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { MeridianError, forbidden, invalid, notFound } from "../shared/errors.js";
import {
  apnsScopeOf,
  credentialsSeenBy,
  managesServerCredentials,
  TENANT_SCOPED_SERVICES,
} from "./push-scopes.js";
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
 * Where a change to a service's credentials goes. FCM and WNS credentials belong to the whole server
 * (every tenant's devices are woken with them), so only administrators of the default tenant may
 * change them: on premises the only tenant, in cloud mode the operator's. An APNs certificate is the
 * organisation's own: each tenant's administrators change their tenant's (the default tenant's is the
 * server's, which tenants without their own use).
 */
function scopeOfChange(actor: Actor, service: CredentialService): string {
  if (TENANT_SCOPED_SERVICES.includes(service)) return apnsScopeOf(actor.tenantId);
  if (!managesServerCredentials(actor.tenantId))
    throw forbidden(
      "push_credentials_operator_only",
      `${service.toUpperCase()} credentials serve every tenant on this server; only the operator's administrators manage them. ` +
        "Each organisation may upload its own APNs push certificate.",
    );
  return "";
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

  /** The tenant's own APNs certificate if it has one, else the server's, and the server's FCM and WNS credentials. */
  async listCredentials(
    actor: Actor,
    gateway: PushCredentialsGateway | undefined,
  ): Promise<PushCredentialsSummary[]> {
    if (!gateway) throw noGateway();
    const scope = apnsScopeOf(actor.tenantId);
    return credentialsSeenBy(await gateway.list(scope || undefined), scope);
  }

  /** Checked and stored by the relay (which refuses credentials it cannot use), then audited here. */
  async setCredentials(
    actor: Actor,
    gateway: PushCredentialsGateway | undefined,
    credentials: { service: string } & Record<string, unknown>,
  ): Promise<PushCredentialsSummary> {
    if (!CREDENTIAL_SERVICES.includes(credentials.service as CredentialService))
      throw invalid("invalid_push_service", `Push service must be one of ${CREDENTIAL_SERVICES.join(", ")}.`);
    const scope = scopeOfChange(actor, credentials.service as CredentialService);
    if (!gateway) throw noGateway();
    const held = await gateway.set(
      credentials as { service: CredentialService } & Record<string, unknown>,
      scope || undefined,
    );
    await changeAndAudit(this.deps, actor, async (_tenant, audit) =>
      audit("push.credentials_set", { type: "push_service", id: held.service, label: held.identity }),
    );
    const { scope: _held, ...summary } = held;
    return { ...summary, scope: scope ? "tenant" : "server" };
  }

  async removeCredentials(
    actor: Actor,
    gateway: PushCredentialsGateway | undefined,
    service: CredentialService,
  ): Promise<void> {
    const scope = scopeOfChange(actor, service);
    if (!gateway) throw noGateway();
    await gateway.remove(service, scope || undefined);
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
