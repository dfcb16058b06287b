// Bundles the CLI and every workspace package it uses into one ES module, so that `meridian` starts
// on plain Node: third-party packages stay external and load at native speed, with no TypeScript
// loader hooked into every import. The bundle is rebuilt whenever a workspace source is newer.
import { Buffer } from "node:buffer";
import {
  closeSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const bundlePath = join(root, "apps", "cli", "dist", "meridian.mjs");
const entry = join(root, "apps", "cli", "src", "main.ts");

/** The newest modification time among the workspace sources and manifests that go into the bundle. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const group of ["apps", "packages"]) {
    for (const workspace of readdirSync(join(root, group))) {
      visit(join(root, group, workspace, "src"));
      try {
        newest = Math.max(newest, statSync(join(root, group, workspace, "package.json")).mtimeMs);
      } catch {
        // A folder without a manifest is not a workspace.
      }
    }
  }
  return newest;
}

// The bundle imports npm packages by absolute path, so it belongs to this checkout and this install.
const stamp = `// meridian bundle for ${root}\n`;

export function bundleIsFresh() {
  try {
    const built = statSync(bundlePath).mtimeMs;
    const installed = statSync(join(root, "node_modules", ".package-lock.json")).mtimeMs;
    if (built < newestSource() || built < installed) return false;
    const head = Buffer.alloc(stamp.length);
    const fd = openSync(bundlePath, "r");
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    return head.toString() === stamp;
  } catch {
    return false;
  }
}

/** Builds the bundle; concurrent builders each write their own files and rename them into place. */
export async function buildBundle() {
  const { build } = await import("esbuild");
  const workspacesInside = {
    name: "workspace-packages-inside",
    setup(b) {
      // Bare imports are npm packages, loaded by Node at run time; @meridian/* are our TypeScript sources.
      // An npm package is resolved where its importer sits (a workspace may have its own version in its
      // own node_modules) and imported by that absolute path.
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (
          args.path.startsWith("@meridian/") ||
          args.pluginData === "inner" ||
          args.path.startsWith("node:")
        )
          return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: "inner",
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: resolved.external ? args.path : resolved.path, external: true };
      });
    },
  };
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: bundlePath,
    sourcemap: "linked",
    write: false,
    logLevel: "silent",
    banner: { js: stamp.trimEnd() },
    // The conditions Node itself resolves with ("node", "import", "default"), not esbuild's extra "module".
    conditions: [],
    plugins: [workspacesInside],
  });
  mkdirSync(dirname(bundlePath), { recursive: true });
  // The map first: a reader that sees the new bundle finds its map already in place.
  for (const file of [...result.outputFiles].sort((a) => (a.path.endsWith(".map") ? -1 : 1))) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}
