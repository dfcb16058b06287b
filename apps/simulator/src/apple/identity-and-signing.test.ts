import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { decodePlistDict, encodeCommand } from "@meridian/apple-mdm";
import {
  createCertificateAuthority,
  createScepRaIdentity,
  createScepServer,
  issueServerIdentity,
  loadCertificateAuthority,
  verifyMdmSignature,
} from "@meridian/pki";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrolIdentity } from "./enrol.js";
import type { InstalledEnrollmentProfile } from "./enrollment-profile.js";
import { MdmClient, MdmRequestRefused } from "./mdm-client.js";

const HOST = "acme.mdm.test";

/**
 * The device's SCEP enrolment and signed MDM requests against real parts (pki's SCEP server, the
 * Mdm-Signature verifier) behind a loopback HTTPS server with a tenant-CA certificate, reached as
 * through the relay edge: by address, with the device host as TLS server name.
 */
describe("SCEP identity and signed MDM requests", () => {
  let server: Server;
  let caPem: string;
  let edge: string;
  const received: Array<{ path: string; signer: string; body: Buffer }> = [];
  let answerNext: Buffer | undefined;
  let refuseNext = false;

  beforeAll(async () => {
    const pems = await createCertificateAuthority({ commonName: "Acme Devices CA", validityDays: 1 });
    caPem = pems.certificatePem;
    const ca = await loadCertificateAuthority(pems.certificatePem, pems.privateKeyPem);
    const scep = createScepServer({
      ca,
      ra: await createScepRaIdentity(ca),
      authorize: async (request) =>
        request.challenge === "one-time"
          ? { ok: true, validityDays: 1 }
          : { ok: false, failInfo: "badRequest", reason: "wrong challenge" },
    });
    server = createServer(
      await issueServerIdentity(ca, { hostNames: [HOST], validityDays: 1 }),
      (request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          const url = new URL(request.url ?? "/", `https://${HOST}`);
          const body = Buffer.concat(chunks);
          if (url.pathname === "/mdm/scep") {
            void scep
              .handle({
                method: request.method === "POST" ? "POST" : "GET",
                operation: url.searchParams.get("operation") ?? "",
                ...(request.method === "POST" ? { message: new Uint8Array(body) } : {}),
              })
              .then((answer) => {
                response.writeHead(answer.status, { "content-type": answer.contentType });
                response.end(answer.body);
              });
            return;
          }
          try {
            const verified = verifyMdmSignature(String(request.headers["mdm-signature"]), body);
            received.push({ path: url.pathname, signer: verified.certificate.pem, body });
            if (refuseNext) {
              refuseNext = false;
              response.writeHead(403);
              response.end("not enrolled");
              return;
            }
            response.writeHead(200);
            response.end(url.pathname === "/mdm/connect" ? (answerNext ?? "") : "");
            answerNext = undefined;
          } catch {
            response.writeHead(400);
            response.end("bad signature");
          }
        });
      },
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    edge = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const profile = (challenge: string): InstalledEnrollmentProfile => ({
    identifier: "com.meridian.acme",
    uuid: "U",
    displayName: "Acme",
    caCertificatePem: caPem,
    scep: { url: `https://${HOST}/mdm/scep`, challenge, subject: "CN=Meridian device", keySize: 2048 },
    mdm: {
      serverUrl: `https://${HOST}/mdm/connect`,
      checkInUrl: `https://${HOST}/mdm/checkin`,
      topic: "com.apple.mgmt.External.1",
      signMessage: true,
    },
  });

  it("gets an RSA identity by SCEP and signs check-ins and reports with it", async () => {
    const identity = await enrolIdentity(profile("one-time"), { edge, serverName: HOST });
    const client = new MdmClient({ edge, serverName: HOST }, caPem, identity, profile("one-time").mdm);
    try {
      await client.checkIn({ MessageType: "Authenticate", UDID: "D1", Topic: "t" });
      answerNext = encodeCommand("C1", { RequestType: "ProfileList" });
      const command = await client.report({ UDID: "D1", Status: "Idle" });
      expect(command).toMatchObject({ CommandUUID: "C1", Command: { RequestType: "ProfileList" } });
      expect(await client.reportIdleReusingSignature("D1")).toBeUndefined();
      expect(await client.reportIdleReusingSignature("D1")).toBeUndefined();
      expect(received.map((r) => r.path)).toEqual([
        "/mdm/checkin",
        "/mdm/connect",
        "/mdm/connect",
        "/mdm/connect",
      ]);
      expect(new Set(received.map((r) => r.signer))).toEqual(
        new Set([identity.certificatePem.trim() + "\n"]),
      );
      const idle = decodePlistDict(received[3]!.body);
      expect(idle.ok && idle.value).toEqual({ UDID: "D1", Status: "Idle" });
    } finally {
      client.close();
    }
  });

  it("fails enrolment with the SCEP server's refusal when the challenge is wrong", async () => {
    await expect(enrolIdentity(profile("stale"), { edge, serverName: HOST })).rejects.toThrow(/refused/);
  });

  it("reports a refused MDM request with its status and path", async () => {
    const identity = await enrolIdentity(profile("one-time"), { edge, serverName: HOST });
    const client = new MdmClient({ edge, serverName: HOST }, caPem, identity, profile("one-time").mdm);
    try {
      refuseNext = true;
      const refused = await client
        .checkIn({ MessageType: "CheckOut", UDID: "D1", Topic: "t" })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(MdmRequestRefused);
      expect(refused).toMatchObject({ status: 403, path: "/mdm/checkin" });
    } finally {
      client.close();
    }
  });
});
