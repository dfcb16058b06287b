import { defineConfig } from "vitest/config";

// One run over every workspace; each workspace's own config (vitest.shared.ts) sets its options.
export default defineConfig({
  test: { projects: ["packages/*", "apps/*"] },
});
