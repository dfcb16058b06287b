import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const BENCHMARKS_DOC = fileURLToPath(new URL("../../docs/benchmarks.md", import.meta.url));

/**
 * Replaces one benchmark's results in docs/benchmarks.md, between its `<!-- results:NAME -->` markers,
 * leaving every other section (and the prose around the markers) as people wrote it.
 */
export function writeResults(name: string, markdown: string, file = BENCHMARKS_DOC): void {
  const start = `<!-- results:${name} -->`;
  const end = `<!-- /results:${name} -->`;
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    throw new Error(
      `${file} has no "${start}" ... "${end}" markers; add them where the ${name} results belong.`,
    );
  }
  writeFileSync(file, `${text.slice(0, from + start.length)}\n${markdown.trim()}\n${text.slice(to)}`);
}
