import { defineProject, type UserWorkspaceConfig } from "vitest/config";

/**
 * Each workspace's test project. Projects do not inherit the root config's test options, so the
 * time budgets live here: real servers (PostgreSQL, TLS links, argon2) need more than vitest's 5 s.
 */
export function meridianProject(name: string, test: UserWorkspaceConfig["test"] = {}): UserWorkspaceConfig {
  return defineProject({
    test: { name, include: ["src/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000, ...test },
  });
}
