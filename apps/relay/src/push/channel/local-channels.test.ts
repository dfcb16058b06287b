import { once } from "node:events";
import { createServer, type AddressInfo, type Server } from "node:net";
import { connect, type TLSSocket } from "node:tls";
import {
  createCertificateAuthority,
  createCsr,
  generateKeyPair,
  loadCertificateAuthority,
  normalizeSerialNumber,
} from "@meridian/pki";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeviceAuthorities } from "./device-authorities.js";
import { LocalChannels } from "./local-channels.js";

interface Device {
  key: string;
  cert: string;
  serial: string;
}

/** The channel's own record layer, after OpenSSL's handshake, read by an ordinary TLS client. */
describe("push channels held in one process", () => {
  let server: Server;
  let channels: LocalChannels;
  let port: number;
  let device: (ca?: "tenant" | "rogue") => Promise<Device>;
  const refusals: string[] = [];

  beforeAll(async () => {
    const relayCa = await loadCertificateAuthority(
      ...(Object.values(await createCertificateAuthority({ commonName: "Relay CA", validityDays: 1 })) as [
        string,
        string,
      ]),
    );
    const tls = await relayCa.issueServerCertificate({ hostNames: ["push.relay.test"], validityDays: 1 });
    const cas = {
      tenant: await createCertificateAuthority({ commonName: "Tenant CA", validityDays: 1 }),
      rogue: await createCertificateAuthority({ commonName: "Rogue CA", validityDays: 1 }),
    };
    const authorities = new DeviceAuthorities();
    authorities.add("server-1", cas.tenant.certificatePem);
    channels = new LocalChannels(
      authorities,
      { key: tls.privateKeyPem, cert: tls.certificatePem },
      (reason) => refusals.push(reason),
    );
    device = async (which = "tenant") => {
      const ca = await loadCertificateAuthority(cas[which].certificatePem, cas[which].privateKeyPem);
      const keys = await generateKeyPair();
      const issued = await ca.issueFromCsr(await createCsr({ commonName: "device", keys: keys.keys }), {
        validityDays: 1,
        usage: "client",
      });
      return {
        key: keys.privateKeyPem,
        cert: issued.certificatePem + cas[which].certificatePem,
        serial: normalizeSerialNumber(issued.serialNumber),
      };
    };
    server = createServer((socket) => channels.take(socket));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await channels.close();
    server.close();
  });

  async function open(holder: Device, ciphers?: string): Promise<{ socket: TLSSocket; lines: string[] }> {
    const socket = connect({
      host: "127.0.0.1",
      port,
      key: holder.key,
      cert: holder.cert,
      ciphers,
      rejectUnauthorized: false,
    });
    const lines: string[] = [];
    socket.setEncoding("utf8");
    socket.on("data", (text: string) => lines.push(...text.split("\n").filter(Boolean)));
    socket.on("error", () => undefined);
    await once(socket, "secureConnect");
    return { socket, lines };
  }

  async function until(condition: () => boolean): Promise<void> {
    for (let waited = 0; !condition(); waited += 10) {
      if (waited > 5_000) throw new Error("Timed out.");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it.each([["TLS_AES_128_GCM_SHA256"], ["TLS_AES_256_GCM_SHA384"]])(
    "seals many wake-ups in a row that the device's TLS reads (%s)",
    async (suite) => {
      const holder = await device();
      const { socket, lines } = await open(holder, suite);
      expect(socket.getCipher().standardName).toBe(suite);
      await until(() => channels.table.size === 1);
      for (let n = 0; n < 40; n++) expect(channels.table.wake("server-1", holder.serial)).toBe(true);
      await until(() => lines.length === 40);
      expect(new Set(lines)).toEqual(new Set(["wake"]));
      socket.destroy();
      await until(() => channels.table.size === 0);
    },
  );

  it("replaces the channel of a device that connects again, and forgets a channel that closes", async () => {
    const holder = await device();
    const first = await open(holder);
    await until(() => channels.table.size === 1);
    const second = await open(holder);
    await once(first.socket, "close");
    expect(channels.table.size).toBe(1);
    channels.table.wake("server-1", holder.serial);
    await until(() => second.lines.length === 1);
    second.socket.destroy();
    await until(() => channels.table.size === 0);
    expect(channels.table.wake("server-1", holder.serial)).toBe(false);
  });

  it("refuses a certificate no registered CA issued, says why, and holds nothing", async () => {
    const { socket, lines } = await open(await device("rogue"));
    await once(socket, "close");
    expect(lines).toEqual(["refused: certificate not issued by a CA registered at this relay"]);
    expect(refusals).toContain("certificate not issued by a CA registered at this relay");
    expect(channels.table.size).toBe(0);
  });
});
