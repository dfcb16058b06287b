import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:https";
import { createServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_TENANT_ID } from "@meridian/core";
import { scepEnroll } from "@meridian/pki";
import { startTestServer, type TestServer } from "../../../testing/test-server.js";
import { buildAgentApp, type AgentApp } from "../../agent-app.js";
import { CommandWaiters } from "../../command-waiters.js";
import { DeviceHosts } from "../../device-hosts.js";
import { TenantPki } from "../../tenant-pki.js";

export const TOPIC = "com.apple.mgmt.External.e0bd1eac-1f17-4c8e-8a63-dd17d3dd35d9";
export const HOST = "default.mdm.test";

export interface DeviceResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * The management API (inject) and the real device endpoint behind a loopback TCP listener, the way
 * relay streams reach it: TLS with the tenant's server certificate, chosen by server name.
 */
export interface AppleEndpointHarness {
  server: TestServer;
  agent: AgentApp;
  token: string;
  caPem: string;
  device(
    method: string,
    path: string,
    body?: Uint8Array,
    headers?: Record<string, string>,
  ): Promise<DeviceResponse>;
  /** A user with an activation that allows Apple devices; returns its password. */
  activation(email: string): Promise<string>;
  close(): Promise<void>;
}

export async function startAppleEndpoint(): Promise<AppleEndpointHarness> {
  const server = await startTestServer();
  const hosts = new DeviceHosts(server.store);
  hosts.setDomain("mdm.test");
  const pki = new TenantPki(server.core);
  const agent = await buildAgentApp({
    core: server.core,
    pki,
    hosts,
    waiters: new CommandWaiters(),
    appleTopic: async () => TOPIC,
  });
  const listener: Server = createServer((socket) => agent.acceptConnection(socket));
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const port = (listener.address() as AddressInfo).port;
  const caPem = (await pki.authority(DEFAULT_TENANT_ID)).certificatePem;
  const https = new Agent({ ca: caPem, servername: HOST, keepAlive: true });
  const token = await server.login();

  const device: AppleEndpointHarness["device"] = (method, path, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method,
          path,
          agent: https,
          servername: HOST,
          headers: { host: HOST, ...(body ? { "content-length": body.length } : {}), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  return {
    server,
    agent,
    token,
    caPem,
    device,
    async activation(email) {
      const user = await server.call("POST", "/api/v1/users", { token, body: { email } });
      const activation = await server.call(
        "POST",
        `/api/v1/users/${user.json<{ id: string }>().id}/activations`,
        {
          token,
          body: { platforms: ["ios", "macos"], deviceLimit: 3 },
        },
      );
      return activation.json<{ password: string }>().password;
    },
    async close() {
      https.destroy();
      listener.close();
      await agent.close();
      await server.close();
    },
  };
}

/** Runs the real openssl command with files in a scratch folder; returns its standard output. */
export function openssl(args: string[], files: Record<string, string | Uint8Array> = {}): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "apple-endpoint-"));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Signs like an Apple device: a detached CMS over the body with SHA-1, by the real openssl (which
 * streams BER only with the content inside; the package's own tests cover Apple's streamed shape).
 */
export function opensslMdmSignature(
  body: Uint8Array,
  identity: { certificatePem: string; privateKeyPem: string },
): string {
  const dir = mkdtempSync(join(tmpdir(), "apple-signature-"));
  try {
    writeFileSync(join(dir, "body"), body);
    writeFileSync(join(dir, "cert.pem"), identity.certificatePem);
    writeFileSync(join(dir, "key.pem"), identity.privateKeyPem);
    execFileSync(
      "openssl",
      [
        "cms",
        "-sign",
        "-binary",
        "-md",
        "sha1",
        "-in",
        "body",
        "-signer",
        "cert.pem",
        "-inkey",
        "key.pem",
        "-outform",
        "DER",
        "-out",
        "sig.der",
      ],
      { cwd: dir, stdio: "pipe" },
    );
    return readFileSync(join(dir, "sig.der")).toString("base64");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SCEP through the device endpoint, as the profile's SCEP payload makes a device do it. */
export async function enrolIdentity(
  harness: AppleEndpointHarness,
  challenge: string,
): Promise<{ certificatePem: string; privateKeyPem: string }> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const certificatePem = await scepEnroll({
    url: `https://${HOST}/mdm/scep`,
    challenge,
    subject: "CN=Meridian iOS device",
    keys: { privateKeyPem },
    fetch: async (url, init) => {
      const target = new URL(String(url));
      const answer = await harness.device(
        init?.method ?? "GET",
        target.pathname + target.search,
        init?.body ? Buffer.from(init.body as Uint8Array) : undefined,
      );
      return new Response(answer.body, {
        status: answer.status,
        headers: { "content-type": String(answer.headers["content-type"] ?? "") },
      });
    },
  });
  return { certificatePem, privateKeyPem };
}
