import { readFileSync, readdirSync } from "node:fs";

/** The shared device-message vectors, outside the repository: /work/shared beside the worktree. */
export const APPLE_VECTORS = new URL("../../../../../shared/vectors/apple/", import.meta.url);

export function vectorBytes(path: string): Buffer {
  return readFileSync(new URL(path, APPLE_VECTORS));
}

export function vectorText(path: string): string {
  return vectorBytes(path).toString("utf8");
}

export function vectorFiles(folder: string, extension: string): string[] {
  return readdirSync(new URL(`${folder}/`, APPLE_VECTORS))
    .filter((name) => name.endsWith(extension))
    .map((name) => `${folder}/${name}`);
}

/** Reads a tab-separated expected-values file, skipping `#` comments. */
export function vectorTable(path: string): string[][] {
  return vectorText(path)
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => line.split("\t"));
}
