import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KyselyStore } from "../kysely-store.js";
import { openStore } from "../open-store.js";
import { createScratchDatabase } from "./postgres.js";

export interface StoreBackend {
  name: "sqlite" | "postgres";
  /** A fresh, migrated, empty store, and how to throw it away. */
  open(): Promise<{ store: KyselyStore; url: string | undefined; dataDir: string; dispose(): Promise<void> }>;
}

/** Every backend the contract tests run against. PostgreSQL is not optional. */
export const storeBackends: StoreBackend[] = [
  {
    name: "sqlite",
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), "meridian-store-"));
      const store = await openStore({ dataDir });
      return {
        store,
        url: undefined,
        dataDir,
        async dispose() {
          await store.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "postgres",
    async open() {
      const scratch = await createScratchDatabase();
      const dataDir = mkdtempSync(join(tmpdir(), "meridian-store-"));
      const store = await openStore({ url: scratch.url, dataDir, poolSize: 4 });
      return {
        store,
        url: scratch.url,
        dataDir,
        async dispose() {
          await store.close();
          await scratch.drop();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];
