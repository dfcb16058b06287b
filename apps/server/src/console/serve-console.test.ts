import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.js";

describe("the console under /console", () => {
  const dir = mkdtempSync(join(tmpdir(), "meridian-console-"));
  let server: TestServer;

  beforeAll(async () => {
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>Meridian</title>");
    writeFileSync(join(dir, "assets", "index-Ab12Cd.js"), "console.log(1)");
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
