import { once } from "node:events";
import { X509Certificate } from "node:crypto";
import type { AddressInfo } from "node:net";
import { connect, createServer } from "node:tls";
import { describe, expect, it } from "vitest";
import { createLocalTlsIdentity } from "./local-ca.js";

describe("createLocalTlsIdentity", () => {
  it("makes a server certificate that node:tls verifies against the CA for the loopback names", async () => {
    const identity = createLocalTlsIdentity();
    const cert = new X509Certificate(identity.cert);
    expect(cert.verify(new X509Certificate(identity.ca).publicKey)).toBe(true);
    expect(cert.subjectAltName).toContain("IP Address:127.0.0.1");
    const server = createServer({ key: identity.key, cert: identity.cert }, (socket) => socket.end("ok"));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    for (const host of ["127.0.0.1", "localhost"]) {
      const socket = connect({
        host: "127.0.0.1",
        servername: host === "localhost" ? host : undefined,
        port,
        ca: identity.ca,
      });
      await once(socket, "secureConnect");
      expect(socket.authorized).toBe(true);
      socket.destroy();
    }
    const stranger = connect({ host: "127.0.0.1", port, ca: createLocalTlsIdentity().ca });
    const [error] = (await once(stranger, "error")) as [Error & { code?: string }];
    expect(error.code).toMatch(/UNABLE_TO_VERIFY|SELF_SIGNED|CERT/);
    server.close();
  });
});
