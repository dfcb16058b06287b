import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "tunnel", include: ["src/**/*.test.ts"] },
});
