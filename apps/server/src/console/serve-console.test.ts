import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.js";
import { acceptsEncoding } from "./serve-console.js";

describe("the console under /console", () => {
  const dir = mkdtempSync(join(tmpdir(), "meridian-console-"));
  let server: TestServer;

  beforeAll(async () => {
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>Meridian</title>");
    writeFileSync(join(dir, "assets", "index-Ab12Cd.js"), "console.log(1)");
    const big = "export const rows = [" + '"a row",'.repeat(2000) + "];";
    writeFileSync(join(dir, "assets", "big-Ef34Gh.js"), big);
    writeFileSync(join(dir, "assets", "big-Ef34Gh.js.br"), brotliCompressSync(big));
    writeFileSync(join(dir, "assets", "big-Ef34Gh.js.gz"), gzipSync(big));
    server = await startTestServer({ app: { consoleDir: dir } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves hashed assets for a year and index.html for every console page, checked on each load", async () => {
    const asset = await server.call("GET", "/console/assets/index-Ab12Cd.js");
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    for (const path of [
      "/console/",
      "/console/devices/5b0d6a8e-1d1c-4f39-9d43-3f0b7c1e2a10",
      "/console/sign-in",
    ]) {
      const page = await server.call("GET", path);
      expect(page.statusCode, path).toBe(200);
      expect(page.headers["content-type"]).toMatch(/^text\/html/);
      expect(page.headers["cache-control"]).toBe("no-cache");
      expect(page.body).toContain("<title>Meridian</title>");
    }
    expect((await server.call("GET", "/console")).headers.location).toBe("/console/");
    expect((await server.call("GET", "/")).headers.location).toBe("/console/");
  });

  it("sends the build's Brotli or gzip copy of an asset to a browser that accepts it", async () => {
    const url = "/console/assets/big-Ef34Gh.js";
    const br = await server.call("GET", url, { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toBe("accept-encoding");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(br.rawPayload).toString()).toContain('"a row"');
    const gz = await server.call("GET", url, { headers: { "accept-encoding": "gzip, br;q=0" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toContain('"a row"');
    const plain = await server.call("GET", url, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(br.rawPayload.length);
    // An asset the build left uncompressed goes as it is.
    const small = await server.call("GET", "/console/assets/index-Ab12Cd.js", {
      headers: { "accept-encoding": "br" },
    });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body).toBe("console.log(1)");
  });

  it("reads Accept-Encoding's weights", () => {
    expect(acceptsEncoding("gzip, br", "br")).toBe(true);
    expect(acceptsEncoding("gzip;q=1.0, BR;q=0.5", "br")).toBe(true);
    expect(acceptsEncoding("br;q=0, gzip", "br")).toBe(false);
    expect(acceptsEncoding(undefined, "gzip")).toBe(false);
    expect(acceptsEncoding("*", "gzip")).toBe(false);
  });

  it("answers 404 for a missing file and for paths that leave the console's folder", async () => {
    expect((await server.call("GET", "/console/assets/gone-123.js")).statusCode).toBe(404);
    expect((await server.call("GET", "/console/%2e%2e/%2e%2e/etc/passwd")).statusCode).toBe(404);
    expect((await server.call("GET", "/console/..%2f..%2fpackage.json")).statusCode).toBe(404);
  });

  it("says the console is being built while it has no index.html", async () => {
    const empty = mkdtempSync(join(tmpdir(), "meridian-console-empty-"));
    const bare = await startTestServer({ app: { consoleDir: empty } });
    try {
      const page = await bare.call("GET", "/console/users");
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain("The console is being built");
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
