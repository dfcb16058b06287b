import {
  PUSH_GATEWAY_PATHS,
  type PushCredentials,
  type PushCredentialsStatus,
  type PushServiceName,
  type WakeOutcome,
  type WakeTarget,
} from "@meridian/protocol";
import { request, type Agent } from "node:https";
import type { SignedLicence } from "@meridian/protocol";
import { pinnedHttpsAgent } from "@meridian/tunnel";
import type { RelaySettings } from "./relay-settings.js";

export interface RelayAccount {
  serverId: string;
  name: string;
  domain: string;
  licence: SignedLicence;
  relayCertificate: string;
}

export class RelayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RelayApiError";
  }
}

/** The relay's API as a server calls it: through the device edge by the relay's name, with the link certificate. */
export class RelayApiClient {
  private readonly agent: Agent;

  constructor(
    private readonly settings: RelaySettings,
    tls: { ca: string; key: string; cert: string },
  ) {
    this.agent = pinnedHttpsAgent(
      { address: settings.edge, serverName: settings.host, proxy: settings.proxy },
      tls,
      { maxSockets: 4 },
    );
  }

  me(): Promise<RelayAccount> {
    return this.call<RelayAccount>("GET", "/relay/v1/servers/me");
  }

  registerActivation(
    addressHash: string,
    body: { host: string; caFingerprint: string; expiresAt: number },
  ): Promise<void> {
    return this.call("PUT", `/relay/v1/servers/me/activations/${addressHash}`, body);
  }

  unregisterActivation(addressHash: string): Promise<void> {
    return this.call("DELETE", `/relay/v1/servers/me/activations/${addressHash}`);
  }

  reportDeviceCount(count: number): Promise<void> {
    return this.call("PUT", "/relay/v1/servers/me/device-count", { count });
  }

  async wake(targets: WakeTarget[]): Promise<WakeOutcome[]> {
    return (await this.call<{ outcomes: WakeOutcome[] }>("POST", PUSH_GATEWAY_PATHS.wake, { targets }))
      .outcomes;
  }

  /** The server's own push credentials, and with a scope (a tenant's id) that tenant's own as well. */
  async listPushCredentials(scope?: string): Promise<PushCredentialsStatus[]> {
    const path = scope ? PUSH_GATEWAY_PATHS.scopedCredentials(scope) : PUSH_GATEWAY_PATHS.credentials;
    return (await this.call<{ items: PushCredentialsStatus[] }>("GET", path)).items;
  }

  /** With a scope, a tenant's own APNs credentials; without, the server's. */
  setPushCredentials(credentials: PushCredentials, scope?: string): Promise<PushCredentialsStatus> {
    return this.call("PUT", PUSH_GATEWAY_PATHS.credentialsFor(credentials.service, scope), credentials);
  }

  /** The tenants' CAs, so that their devices may open the relay's push channel. */
  registerDeviceCas(certificatesPem: string[]): Promise<{ added: number }> {
    return this.call("PUT", PUSH_GATEWAY_PATHS.deviceCas, { certificates: certificatesPem });
  }

  removePushCredentials(service: PushServiceName, scope?: string): Promise<void> {
    return this.call("DELETE", PUSH_GATEWAY_PATHS.credentialsFor(service, scope));
  }

  close(): void {
    this.agent.destroy();
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.settings.host,
          path,
          method,
          agent: this.agent,
          timeout: 15_000,
          headers: {
            host: this.settings.host,
            ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            if (status >= 400) {
              const problem = (text ? JSON.parse(text) : {}) as { code?: string; detail?: string };
              reject(
                new RelayApiError(
                  status,
                  problem.code ?? `http_${status}`,
                  problem.detail ?? `The relay answered ${status}.`,
                ),
              );
            } else resolve((text ? JSON.parse(text) : undefined) as T);
          });
        },
      );
      req.once("timeout", () =>
        req.destroy(new Error(`The relay did not answer ${method} ${path} in time.`)),
      );
      req.once("error", reject);
      req.end(payload);
    });
  }
}
