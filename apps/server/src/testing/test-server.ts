import { randomBytes } from "node:crypto";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { DEFAULT_TENANT_ID, createCore, systemClock, type Clock, type Core } from "@meridian/core";
import { createSecretBox, nodeCrypto } from "@meridian/crypto";
import { storeBackends, type StoreBackend } from "@meridian/store/testing";
import { spakeActivationSecrets } from "../activation/activation-secrets.js";
import { buildApp, type AppOptions } from "../app.js";

export const ADMIN_EMAIL = "admin@example.com";
export const ADMIN_PASSWORD = "correct horse battery staple";

export interface TestServer {
  app: Awaited<ReturnType<typeof buildApp>>;
  core: Core;
  store: Awaited<ReturnType<StoreBackend["open"]>>["store"];
  /** Signs in and returns the session token. */
  login(email?: string, password?: string, tenant?: string): Promise<string>;
  call(
    method: InjectOptions["method"],
    url: string,
    options?: { token?: string | undefined; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The real application on a real, fresh database (SQLite unless a backend is given), driven through
 * Fastify's inject: every plugin, schema and hook runs as in production, without a socket.
 */
export async function startTestServer(
  options: { backend?: StoreBackend; cloudMode?: boolean; clock?: Clock; app?: Partial<AppOptions> } = {},
): Promise<TestServer> {
  const env = await (options.backend ?? storeBackends[0]!).open();
  const core = createCore(
    {
      store: env.store,
      crypto: nodeCrypto,
      secretBox: createSecretBox(randomBytes(32)),
      clock: options.clock ?? systemClock,
    },
    { activationSecrets: spakeActivationSecrets },
  );
  await core.tenants.ensureDefaultTenant(options.cloudMode ?? false);
  await core.tenants.ensureFirstAdministrator(DEFAULT_TENANT_ID, ADMIN_EMAIL, ADMIN_PASSWORD);
  const app = await buildApp(core, {
    cloudMode: options.cloudMode ?? false,
    loginLimits: { perAddressPerMinute: 1000, perEmailPer15Minutes: 1000 },
    ...options.app,
  });
  await app.ready();
  app.markReady();

  const call: TestServer["call"] = (method, url, { token, body, headers } = {}) =>
    app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body === undefined
        ? {}
        : typeof body === "string"
          ? {
              payload: body,
              headers: {
                "content-type": "application/json",
                ...(token ? { authorization: `Bearer ${token}` } : {}),
                ...headers,
              },
            }
          : { payload: body as object }),
    });

  return {
    app,
    core,
    store: env.store,
    call,
    async login(email = ADMIN_EMAIL, password = ADMIN_PASSWORD, tenant) {
      const response = await call("POST", "/api/v1/auth/login", {
        body: { email, password, ...(tenant ? { tenant } : {}) },
      });
      if (response.statusCode !== 200)
        throw new Error(`login failed: ${response.statusCode} ${response.body}`);
      return response.json<{ token: string }>().token;
    },
    async close() {
      await app.close();
      await env.dispose();
    },
  };
}
