import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { FastifyReply, FastifyRequest } from "fastify";
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

/** Vite names what it builds under assets/ by content hash: such a file never changes, so it is read once. */
const HASHED = "public, max-age=31536000, immutable";
/** index.html names the current hashed files, so it is checked on every load. */
const REVALIDATE = "no-cache";

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
<title>Meridian</title></head><body style="font-family:system-ui;margin:3rem;max-width:40rem">
<h1>The console is being built</h1><p>This page reloads by itself in a few seconds. If it does not, build the
console with <code>npm run build -w apps/console</code> (<code>meridian start</code> does this by itself).</p></body></html>`;

/** Encodings the build stores beside each asset (vite-plugins/precompress.ts), best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;
type Encoding = (typeof ENCODINGS)[number]["name"];

/** A hashed asset as read from disk once, with whichever precompressed forms the build made. */
interface Asset {
  type: string;
  body: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
}

/** Far more than one build's assets; a server that lives through many rebuilds starts again. */
const MAX_CACHED_ASSETS = 1000;

/** Whether an Accept-Encoding header allows the encoding (and does not refuse it with q=0). */
export function acceptsEncoding(header: string | undefined, encoding: string): boolean {
  return (header ?? "").split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (name !== encoding) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * The web console under /console: the production build's files, and index.html for every other path
 * below /console so that the console's own router handles it (a reload on /console/devices/… works).
 */
export function consoleRoutes(app: TypedApp, dir: string | undefined): void {
  // Keyed by path; a hashed name always holds the same content, so an entry never goes stale.
  const assets = new Map<string, Promise<Asset | undefined>>();
  const readAsset = async (file: string): Promise<Asset | undefined> => {
    const body = await readFile(file).catch(() => undefined);
    if (!body) return undefined;
    const encoded: Asset["encoded"] = {};
    for (const { name, suffix } of ENCODINGS) {
      const variant = await readFile(file + suffix).catch(() => undefined);
      if (variant) encoded[name] = variant;
    }
    return { type: TYPES[extname(file)] ?? "application/octet-stream", body, encoded };
  };
  const cachedAsset = (file: string): Promise<Asset | undefined> => {
    let asset = assets.get(file);
    if (!asset) {
      if (assets.size >= MAX_CACHED_ASSETS) assets.clear();
      asset = readAsset(file);
      assets.set(file, asset);
      // A file that is not there (yet) is looked for again next time.
      void asset.then((found) => found ?? assets.delete(file));
    }
    return asset;
  };

  const serve = async (path: string, request: FastifyRequest, reply: FastifyReply) => {
    if (!dir) return reply.status(404).type("text/plain").send("This server has no console.");
    const wanted = normalize(join(dir, path));
    if (wanted !== dir && !wanted.startsWith(dir + sep)) return reply.status(404).send();
    if (wanted.startsWith(join(dir, "assets") + sep)) {
      const asset = await cachedAsset(wanted);
      if (asset) {
        reply.header("cache-control", HASHED).header("vary", "accept-encoding").type(asset.type);
        const accepted = request.headers["accept-encoding"];
        for (const { name } of ENCODINGS) {
          const body = asset.encoded[name];
          if (body && acceptsEncoding(accepted, name))
            return reply.header("content-encoding", name).send(body);
        }
        return reply.send(asset.body);
      }
    }
    const file = await stat(wanted).catch(() => undefined);
    if (file?.isFile())
      return reply
        .header("cache-control", REVALIDATE)
        .type(TYPES[extname(wanted)] ?? "application/octet-stream")
        .send(await readFile(wanted));
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
    serve((request.params as { "*": string })["*"], request, reply),
  );
  app.get("/", options, async (_request, reply) => reply.redirect("/console/", 302));
}
