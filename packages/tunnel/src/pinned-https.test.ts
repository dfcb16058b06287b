import { once } from "node:events";
import { request, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pinnedHttpsAgent, type AgentTrust } from "./pinned-https.js";
import { TestCa } from "./testing/test-ca.js";

describe("pinned HTTPS agent", () => {
  const ca = TestCa.create("Pinned Test CA");
  const other = TestCa.create("Another CA");
  let server: Server;
  let address: string;
  let requests = 0;

  beforeAll(async () => {
    const leaf = ca.issue({
      commonName: "device.example.test",
      usage: "server",
      dnsNames: ["device.example.test"],
    });
    // The server sends its CA in the chain, as Meridian's device endpoint does.
    server = createServer({ key: leaf.key, cert: leaf.cert + ca.cert }, (_req, res) => {
      requests++;
      res.end("hello");
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  function get(trust: AgentTrust, serverName = "device.example.test"): Promise<string> {
    const agent = pinnedHttpsAgent({ address, serverName }, trust);
    return new Promise<string>((resolve, reject) => {
      const req = request({ host: serverName, path: "/", agent }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve(body));
      });
      req.once("error", reject);
      req.end();
    }).finally(() => agent.destroy());
  }

  it("talks to a server whose chain leads to the pinned fingerprint", async () => {
    expect(await get({ caFingerprint256: ca.fingerprint256 })).toBe("hello");
  });

  it("talks to a server verified against its CA", async () => {
    expect(await get({ ca: ca.cert })).toBe("hello");
  });

  it("refuses another fingerprint before sending anything", async () => {
    const before = requests;
    await expect(get({ caFingerprint256: other.fingerprint256 })).rejects.toThrow(/pinned CA/);
    expect(requests).toBe(before);
  });

  it("refuses a server that does not carry the name asked for", async () => {
    const before = requests;
    await expect(get({ caFingerprint256: ca.fingerprint256 }, "elsewhere.example.test")).rejects.toThrow(
      /elsewhere\.example\.test/,
    );
    expect(requests).toBe(before);
  });
});
