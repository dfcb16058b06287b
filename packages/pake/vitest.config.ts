import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "pake", include: ["src/**/*.test.ts"] },
});
