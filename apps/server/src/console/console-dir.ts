import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Where the console's production build is: `dist/` of the @meridian/console workspace, found by
 * package resolution so that it works from the sources and from the command-line bundle alike.
 */
export function defaultConsoleDir(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve("@meridian/console/package.json")), "dist");
  } catch {
    return undefined;
  }
}
