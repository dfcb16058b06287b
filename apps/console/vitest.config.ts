import { meridianProject } from "../../vitest.shared.js";

// The end-to-end tests start a real server and drive Chromium (/usr/bin/chromium) against it.
export default meridianProject("console", {
  include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "e2e/**/*.test.ts"],
  testTimeout: 120_000,
  hookTimeout: 180_000,
});
