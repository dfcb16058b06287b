import { defineProject } from "vitest/config";

export default defineProject({
  // The end-to-end tests start a real server and run the CLI as child processes, a second or so each.
  test: { name: "cli", include: ["src/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});
