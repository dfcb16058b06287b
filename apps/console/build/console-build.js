// Builds the console (vite) into dist/ when its sources are newer than the build, the way the
// command-line bundle rebuilds itself (docs/decisions/0001 and 0010). Plain JavaScript, so that
// `meridian start` and the tests can load it without a TypeScript loader.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const consoleRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const workspaceRoot = join(consoleRoot, "..", "..");
export const consoleDistDir = join(consoleRoot, "dist");

function newestInput() {
  let newest = 0;
  const visit = (path) => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return;
    if (!info.isDirectory()) {
      newest = Math.max(newest, info.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  for (const input of [
    "src",
    "index.html",
    "vite.config.ts",
    "vite-plugins",
    "postcss.config.js",
    "package.json",
  ])
    visit(join(consoleRoot, input));
  visit(join(workspaceRoot, "node_modules", ".package-lock.json"));
  return newest;
}

/** True when dist/ was built after every source, setting and install it depends on. */
export function consoleIsFresh() {
  const built = statSync(join(consoleDistDir, "index.html"), { throwIfNoEntry: false });
  return built !== undefined && built.mtimeMs >= newestInput();
}

/**
 * Builds into a folder of its own, then swaps it in: the server keeps serving the previous build
 * meanwhile, and concurrent builders never mix their files.
 */
export async function buildConsole() {
  const vite = join(
    dirname(createRequire(join(consoleRoot, "package.json")).resolve("vite/package.json")),
    "bin",
    "vite.js",
  );
  const outDir = join(consoleRoot, `dist.${process.pid}.${Date.now()}.tmp`);
  try {
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [vite, "build", "--outDir", outDir, "--logLevel", "error"], {
        cwd: consoleRoot,
        // Vite keeps an inherited NODE_ENV (vitest sets "test"), which would bundle React's development build.
        env: { ...process.env, NODE_ENV: "production" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let errors = "";
      child.stderr.on("data", (chunk) => (errors += chunk));
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`vite build failed:\n${errors}`)),
      );
    });
    const old = `${consoleDistDir}.${process.pid}.old`;
    try {
      renameSync(consoleDistDir, old);
    } catch {
      // No previous build, or another builder moved it first.
    }
    try {
      renameSync(outDir, consoleDistDir);
    } catch {
      // Another builder's fresh build took the place first; it is as good as ours.
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
