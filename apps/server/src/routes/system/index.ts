import { Type } from "typebox";
import type { TypedApp } from "../typed-app.js";

export function systemRoutes(app: TypedApp, isReady: () => boolean): void {
  app.get(
    "/healthz",
    {
      config: { access: "public" },
      schema: {
        tags: ["System"],
        summary: "Liveness and readiness",
        response: {
          200: Type.Object({ status: Type.Literal("ok") }),
          503: Type.Object({ status: Type.Literal("starting") }),
        },
      },
    },
    async (_request, reply) =>
      isReady() ? { status: "ok" as const } : reply.status(503).send({ status: "starting" as const }),
  );

  app.get("/api/v1/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
