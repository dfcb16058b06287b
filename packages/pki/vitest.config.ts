import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "pki", include: ["src/**/*.test.ts"] },
});
