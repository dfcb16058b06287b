import { defineProject } from "vitest/config";

export default defineProject({
  // Real TLS, proxies and timed reconnects: more than vitest's 5 s default on a loaded machine.
  test: { name: "tunnel", include: ["src/**/*.test.ts"], testTimeout: 30_000 },
});
