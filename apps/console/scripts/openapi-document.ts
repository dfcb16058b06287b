import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCore, systemClock } from "@meridian/core";
import { createSecretBox, nodeCrypto } from "@meridian/crypto";
import { buildApp } from "@meridian/server";
import { openStore } from "@meridian/store";

/**
 * The management API's OpenAPI document, taken from the server application itself (every route,
 * cloud-mode ones included) on a throwaway SQLite store: the same document /api/v1/openapi.json serves.
 */
export async function serverOpenApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), "meridian-openapi-"));
  const store = await openStore({ dataDir });
  try {
    const core = createCore({
      store,
      crypto: nodeCrypto,
      secretBox: createSecretBox(randomBytes(32)),
      clock: systemClock,
    });
    const app = await buildApp(core, { cloudMode: true });
    try {
      await app.ready();
      const response = await app.inject({ method: "GET", url: "/api/v1/openapi.json" });
      if (response.statusCode !== 200) throw new Error(`openapi.json answered ${response.statusCode}`);
      return response.json<Record<string, unknown>>();
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
