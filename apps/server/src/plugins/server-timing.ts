import type { FastifyInstance } from "fastify";

declare module "fastify" {
  interface FastifyRequest {
    startedAt: bigint;
  }
}

/** Every response says how long the server spent on it (`Server-Timing: app;dur=<ms>`), for benchmarks and people. */
export function useServerTiming(app: FastifyInstance): void {
  app.decorateRequest("startedAt", 0n);
  app.addHook("onRequest", async (request) => {
    request.startedAt = process.hrtime.bigint();
  });
  app.addHook("onSend", async (request, reply) => {
    const ms = Number(process.hrtime.bigint() - request.startedAt) / 1e6;
    reply.header("server-timing", `app;dur=${ms.toFixed(2)}`);
  });
}
