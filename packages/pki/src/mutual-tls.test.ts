import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { connect, createServer, type Server, type TLSSocket } from "node:tls";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type CertificateAuthority,
} from "./certificate-authority.js";
import { createCsr } from "./certificate-request.js";
import { generateKeyPair } from "./keys.js";
import { normalizeSerialNumber } from "./serial-number.js";
import { issueServerIdentity, type TlsIdentity } from "./server-identity.js";

let ca: CertificateAuthority;
let identity: TlsIdentity;
const servers: Server[] = [];

beforeAll(async () => {
  const pems = await createCertificateAuthority({ commonName: "Acme Devices CA", validityDays: 365 });
  ca = await loadCertificateAuthority(pems.certificatePem, pems.privateKeyPem);
  identity = await issueServerIdentity(ca, { hostNames: ["device.example.test"], validityDays: 30 });
});

afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function deviceCredentials(from: CertificateAuthority, usage: "client" | "server" = "client") {
  const { keys, privateKeyPem } = await generateKeyPair();
  const csr = await createCsr({ commonName: "device-0192f3", keys });
  const issued = await from.issueFromCsr(csr, { usage, validityDays: 30 });
  return { key: privateKeyPem, cert: issued.certificatePem, serialNumber: issued.serialNumber };
}

interface HandshakeResult {
  clientReceived: string;
  serverSawPeer: string | undefined;
  /** As node:tls reports it, normalized the way the revocation table stores serials. */
  peerSerialNumber?: string;
  /** OpenSSL's verdict on the client certificate, e.g. CERT_REVOKED, when the server refused it. */
  serverRefusal: string | undefined;
}

/** A node:tls server that demands a client certificate from the CA, and one client connection to it. */
async function handshake(client: { key: string; cert: string }, crl?: string): Promise<HandshakeResult> {
  let serverSawPeer: string | undefined;
  let peerSerialNumber: string | undefined;
  let serverRefusal: string | undefined;
  const server = createServer(
    {
      key: identity.key,
      cert: identity.cert,
      ca: [identity.ca],
      requestCert: true,
      rejectUnauthorized: true,
      crl,
    },
    (socket) => {
      if (socket.authorized) {
        const peer = socket.getPeerCertificate();
        serverSawPeer = String(peer.subject.CN);
        peerSerialNumber = normalizeSerialNumber(peer.serialNumber);
      }
      socket.end("hello device");
    },
  );
  // Node verifies the client certificate after the handshake and drops the connection; the
  // reason is on the socket, the error itself only says "socket hang up".
  server.on("tlsClientError", (_error, socket) => {
    serverRefusal = String(socket.authorizationError);
  });
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const socket: TLSSocket = connect({
    host: "127.0.0.1",
    port: (server.address() as AddressInfo).port,
    servername: "device.example.test", // checked against the server certificate's names
    ca: [identity.ca],
    key: client.key,
    cert: client.cert,
  });
  let clientReceived = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => (clientReceived += chunk));
  await new Promise<void>((resolve) => {
    socket.on("close", () => resolve());
    socket.on("error", () => resolve());
  });
  return { clientReceived, serverSawPeer, serverRefusal, ...(peerSerialNumber ? { peerSerialNumber } : {}) };
}

describe("mutual TLS with node:tls", () => {
  it("completes a handshake with the server identity and a device certificate from a CSR", async () => {
    const device = await deviceCredentials(ca);
    const result = await handshake(device);
    expect(result).toEqual({
      clientReceived: "hello device",
      serverSawPeer: "device-0192f3",
      serverRefusal: undefined,
      peerSerialNumber: device.serialNumber,
    });
  });

  it("refuses a client certificate from another CA", async () => {
    const otherPems = await createCertificateAuthority({ commonName: "Acme Devices CA", validityDays: 365 });
    const other = await loadCertificateAuthority(otherPems.certificatePem, otherPems.privateKeyPem);
    const result = await handshake(await deviceCredentials(other));
    expect(result).toEqual({
      clientReceived: "",
      serverSawPeer: undefined,
      serverRefusal: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    });
  });

  it("refuses a certificate issued for server use as a client certificate", async () => {
    const result = await handshake(await deviceCredentials(ca, "server"));
    expect(result).toMatchObject({ clientReceived: "", serverRefusal: "INVALID_PURPOSE" });
  });

  it("refuses a revoked client certificate when the server is given the CA's CRL", async () => {
    const device = await deviceCredentials(ca);
    const crl = await ca.createCrl([{ serialNumber: device.serialNumber, revokedAt: new Date() }], 1);
    const result = await handshake(device, crl);
    expect(result).toMatchObject({ clientReceived: "", serverRefusal: "CERT_REVOKED" });
    const unrelated = await ca.createCrl([{ serialNumber: "01", revokedAt: new Date() }], 1);
    expect((await handshake(device, unrelated)).clientReceived).toBe("hello device");
  });
});
