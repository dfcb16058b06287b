import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyServerOptions } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Core, PushCredentialsGateway } from "@meridian/core";
import { defaultConsoleDir } from "./console/console-dir.js";
import { consoleRoutes } from "./console/serve-console.js";
import { useAccessControl, type RouteAccess } from "./plugins/access.js";
import { useProblemResponses } from "./plugins/problems.js";
import { RateLimiter } from "./plugins/rate-limit.js";
import { useServerTiming } from "./plugins/server-timing.js";
import { useStrictValidation } from "./plugins/validation.js";
import { activationRoutes } from "./routes/activations/index.js";
import { administratorRoutes } from "./routes/administrators/index.js";
import { auditRoutes } from "./routes/audit/index.js";
import { commandRoutes } from "./routes/commands/index.js";
import { profileRoutes } from "./routes/profiles/index.js";
import { authRoutes } from "./routes/auth/index.js";
import { deviceRoutes } from "./routes/devices/index.js";
import { groupRoutes } from "./routes/groups/index.js";
import { roleRoutes } from "./routes/roles/index.js";
import { relayRoutes } from "./routes/relay/index.js";
import { systemRoutes } from "./routes/system/index.js";
import type { RelayStatus } from "./relay/relay-connection.js";
import { tenantRoutes } from "./routes/tenants/index.js";
import { pushRoutes } from "./routes/push/index.js";
import type { TypedApp } from "./routes/typed-app.js";
import { userRoutes } from "./routes/users/index.js";

export interface AppOptions {
  cloudMode: boolean;
  logger?: FastifyServerOptions["logger"];
  /** Sign-in attempts allowed per client address per minute, and per email per 15 minutes. */
  loginLimits?: { perAddressPerMinute: number; perEmailPer15Minutes: number };
  trustProxy?: boolean;
  version?: string;
  /** The relay link's state, when the server has a relay. */
  relayStatus?: () => RelayStatus | undefined;
  /** Where push credentials are kept (the relay, once the server has enrolled there). */
  pushGateway?: () => PushCredentialsGateway | undefined;
  /** The console's production build (apps/console/dist unless given), served under /console. */
  consoleDir?: string | undefined;
}

/** Ordinary requests are small; the import endpoint raises its own limit. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

export type MeridianApp = TypedApp & { markReady(): void; routeAccess: readonly RouteAccess[] };

export async function buildApp(core: Core, options: AppOptions): Promise<MeridianApp> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    ajv: { customOptions: { removeAdditional: false } },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  let ready = false;
  useServerTiming(app);
  useStrictValidation(app);
  useProblemResponses(app);
  const routeAccess = useAccessControl(app, core);

  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Meridian management API",
        version: options.version ?? "0.1.0",
        description:
          "Manage users, groups, devices, activations, administrators, roles and the audit log. " +
          "Sign in with POST /api/v1/auth/login and send the token as `Authorization: Bearer <token>`. " +
          "Errors are RFC 9457 problem details with a stable `code`.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/v1/docs" });

  const limits = options.loginLimits ?? { perAddressPerMinute: 20, perEmailPer15Minutes: 10 };
  authRoutes(app, core, {
    perAddress: new RateLimiter(limits.perAddressPerMinute, 60_000),
    perEmail: new RateLimiter(limits.perEmailPer15Minutes, 15 * 60_000),
  });
  administratorRoutes(app, core);
  roleRoutes(app, core);
  userRoutes(app, core);
  activationRoutes(app, core);
  groupRoutes(app, core);
  deviceRoutes(app, core);
  commandRoutes(app, core);
  profileRoutes(app, core);
  auditRoutes(app, core);
  if (options.cloudMode) tenantRoutes(app, core);
  systemRoutes(app, () => ready);
  relayRoutes(app, core, options.relayStatus ?? (() => undefined));
  pushRoutes(app, core, () => options.pushGateway?.());
  consoleRoutes(app, options.consoleDir ?? defaultConsoleDir());

  return Object.assign(app, { markReady: () => void (ready = true), routeAccess });
}
