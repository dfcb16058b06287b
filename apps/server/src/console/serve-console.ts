import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { FastifyReply } from "fastify";
import type { TypedApp } from "../routes/typed-app.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** Vite names what it builds under assets/ by content hash: such a file never changes. */
const HASHED = "public, max-age=31536000, immutable";
/** index.html names the current hashed files, so it is checked on every load. */
const REVALIDATE = "no-cache";

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
<title>Meridian</title></head><body style="font-family:system-ui;margin:3rem;max-width:40rem">
<h1>The console is being built</h1><p>This page reloads by itself in a few seconds. If it does not, build the
console with <code>npm run build -w apps/console</code> (<code>meridian start</code> does this by itself).</p></body></html>`;

/**
 * The web console under /console: the production build's files, and index.html for every other path
 * below /console so that the console's own router handles it (a reload on /console/devices/… works).
 */
export function consoleRoutes(app: TypedApp, dir: string | undefined): void {
  const serve = async (path: string, reply: FastifyReply) => {
    if (!dir) return reply.status(404).type("text/plain").send("This server has no console.");
    const wanted = normalize(join(dir, path));
    if (wanted !== dir && !wanted.startsWith(dir + sep)) return reply.status(404).send();
    const file = await stat(wanted).catch(() => undefined);
    if (file?.isFile()) {
      const inAssets = wanted.startsWith(join(dir, "assets") + sep);
      return reply
        .header("cache-control", inAssets ? HASHED : REVALIDATE)
        .type(TYPES[extname(wanted)] ?? "application/octet-stream")
        .send(await readFile(wanted));
    }
    // A missing file that looks like one (has an extension) is a 404; anything else is a console page.
    if (extname(path) !== "") return reply.status(404).type("text/plain").send("Not found.");
    const index = await readFile(join(dir, "index.html")).catch(() => undefined);
    if (!index)
      return reply
        .status(503)
        .header("retry-after", "3")
        .header("cache-control", "no-store")
        .type(TYPES[".html"]!)
        .send(NOT_BUILT);
    return reply.header("cache-control", REVALIDATE).type(TYPES[".html"]!).send(index);
  };

  const options = { config: { access: "public" as const }, schema: { hide: true } };
  app.get("/console", options, async (_request, reply) => reply.redirect("/console/", 302));
  app.get("/console/*", options, async (request, reply) =>
    serve((request.params as { "*": string })["*"], reply),
  );
  app.get("/", options, async (_request, reply) => reply.redirect("/console/", 302));
}
