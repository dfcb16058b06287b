import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
    // Real servers (PostgreSQL) and argon2 make some tests slower than vitest's default budget.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
