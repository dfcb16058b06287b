#!/usr/bin/env node
import { bundleIsFresh, buildBundle, bundlePath } from "../build/bundle.js";

// Stack traces name the TypeScript sources, not the bundle.
process.setSourceMapsEnabled(true);

if (!bundleIsFresh()) {
  try {
    await buildBundle();
  } catch (error) {
    const messages = error?.errors
      ?.map((e) => `${e.location?.file ?? ""}:${e.location?.line ?? ""} ${e.text}`)
      .join("\n");
    process.stderr.write(`meridian: cannot build the command-line bundle:\n${messages || error}\n`);
    process.exit(1);
  }
}
await import(bundlePath);
