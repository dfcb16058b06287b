import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { minify, transformWithOxc, type Plugin, type Rollup } from "vite";
import type { RouteAssets } from "../src/boot/first-screen";

const SOURCE = fileURLToPath(new URL("../src/boot/first-screen.ts", import.meta.url));

/**
 * Inlines src/boot/first-screen.ts into the built index.html, with the code chunks of each page the
 * console can open on: the page's chunk and first API calls then load alongside the console's code.
 * `pages` maps a route pattern (see routeOf) to the page's module, relative to the console's root.
 */
export function firstScreen(pages: Record<string, string>): Plugin {
  let base = "/";
  return {
    name: "meridian-first-screen",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      async handler(html, { bundle }) {
        if (!bundle) return html;
        const code = await inlineScript(base, routeAssets(bundle, pages));
        // Before the console's own script and stylesheet, after the document's charset and title.
        const at = html.indexOf("<script");
        if (at < 0) throw new Error("first-screen: index.html has no script to go before");
        return `${html.slice(0, at)}<script>${code}</script>\n    ${html.slice(at)}`;
      },
    },
  };
}

function routeAssets(bundle: Rollup.OutputBundle, pages: Record<string, string>): RouteAssets {
  const chunks = Object.values(bundle).filter((o): o is Rollup.OutputChunk => o.type === "chunk");
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  // index.html loads the entry and its imports already.
  const entry = chunks.find((c) => c.isEntry);
  const loaded = new Set(entry ? [entry.fileName, ...entry.imports] : []);
  const assets: RouteAssets = {};
  for (const [route, module] of Object.entries(pages)) {
    const page = chunks.find((c) => c.facadeModuleId?.endsWith(`/${module}`));
    if (!page) throw new Error(`first-screen: no chunk was built for ${module}`);
    const scripts = new Set<string>();
    const styles = new Set<string>();
    const visit = (chunk: Rollup.OutputChunk) => {
      if (loaded.has(chunk.fileName) || scripts.has(chunk.fileName)) return;
      scripts.add(chunk.fileName);
      for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
      for (const file of chunk.imports) {
        const imported = byFile.get(file);
        if (imported) visit(imported);
      }
    };
    visit(page);
    assets[route] = { scripts: [...scripts], styles: [...styles] };
  }
  return assets;
}

/** first-screen.ts as a classic script: it runs as the parser meets it, before any stylesheet arrives. */
async function inlineScript(base: string, assets: RouteAssets): Promise<string> {
  const { code } = await transformWithOxc(readFileSync(SOURCE, "utf8"), SOURCE, { lang: "ts" });
  const body = code.replace(/^export /gm, "");
  const script = `(() => {\n${body}\nstartFirstScreen(${JSON.stringify(base)}, ${JSON.stringify(assets)});\n})();`;
  const minified = await minify("first-screen.js", script, { compress: true, mangle: true });
  if (minified.errors.length > 0) throw new Error(`first-screen: ${minified.errors[0]!.message}`);
  return minified.code;
}
