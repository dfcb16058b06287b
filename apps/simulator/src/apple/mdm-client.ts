import type { Agent } from "node:https";
import { decodePlistDict, encodePlist, type PlistDict } from "@meridian/apple-mdm";
import { prepareCmsSigner, signCms, type PreparedCmsSigner } from "@meridian/pki";
import { pinnedHttpsAgent } from "@meridian/tunnel";
import type { Endpoint } from "../agent/https-client.js";
import type { AppleIdentity } from "./enrol.js";
import { exchange } from "./https-exchange.js";

/** The server answered an MDM request with something other than 200. */
export class MdmRequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    detail: string,
  ) {
    super(`PUT ${path} answered ${status}${detail ? `: ${detail}` : ""}`);
    this.name = "MdmRequestRefused";
  }
}

export interface MdmUrls {
  checkInUrl: string;
  serverUrl: string;
}

/**
 * A device's MDM connection: check-ins and command reports as XML plists, each signed with the
 * SCEP identity in Mdm-Signature (SignMessage), over TLS trusted through the profile's CA. The signer
 * is prepared once: the key is read from PEM a single time, then each request costs one RSA signature.
 */
export class MdmClient {
  private readonly agent: Agent;
  private signer: PreparedCmsSigner;
  private readonly checkInPath: string;
  private readonly serverPath: string;
  private cachedIdle: { body: Buffer; signature: string } | undefined;

  constructor(
    private readonly endpoint: Endpoint,
    caCertificatePem: string,
    identity: AppleIdentity,
    urls: MdmUrls,
  ) {
    this.agent = pinnedHttpsAgent(
      { address: endpoint.edge, serverName: endpoint.serverName },
      { ca: caCertificatePem },
      { maxSockets: 1 },
    );
    this.signer = prepareCmsSigner(identity);
    this.checkInPath = this.pathOn(urls.checkInUrl);
    this.serverPath = this.pathOn(urls.serverUrl);
  }

  /** Authenticate, TokenUpdate, CheckOut...: the server answers 200 with an empty body. */
  async checkIn(message: PlistDict): Promise<void> {
    await this.put(this.checkInPath, "application/x-apple-aspen-mdm-checkin", encodePlist(message));
  }

  /** A report (Idle or a command's answer); the next command, or undefined when the queue is empty. */
  async report(report: PlistDict): Promise<PlistDict | undefined> {
    return this.commandFrom(
      await this.put(this.serverPath, "application/x-apple-aspen-mdm", encodePlist(report)),
    );
  }

  /**
   * An Idle report signed once and resent as is. Real devices sign every request; an Idle body never
   * changes, and a load test measures the server, not the simulator's RSA.
   */
  async reportIdleReusingSignature(udid: string): Promise<PlistDict | undefined> {
    if (!this.cachedIdle) {
      const body = encodePlist({ UDID: udid, Status: "Idle" });
      this.cachedIdle = { body, signature: await this.sign(body) };
    }
    const { body, signature } = this.cachedIdle;
    return this.commandFrom(
      await this.put(this.serverPath, "application/x-apple-aspen-mdm", body, signature),
    );
  }

  /** Signs every request from now on with another identity: the one a renewal profile gave. */
  useIdentity(identity: AppleIdentity): void {
    this.signer = prepareCmsSigner(identity);
    this.cachedIdle = undefined;
  }

  close(): void {
    this.agent.destroy();
  }

  private async sign(body: Uint8Array): Promise<string> {
    return Buffer.from(await signCms(this.signer, body, "sha256", false)).toString("base64");
  }

  private async put(path: string, contentType: string, body: Buffer, signature?: string): Promise<Buffer> {
    const answer = await exchange(
      this.agent,
      this.endpoint.serverName,
      "PUT",
      path,
      {
        "content-type": contentType,
        "mdm-signature": signature ?? (await this.sign(body)),
        "user-agent": "MDM/1.0",
      },
      body,
    );
    if (answer.status !== 200)
      throw new MdmRequestRefused(answer.status, path, answer.body.toString("utf8").slice(0, 300).trim());
    return answer.body;
  }

  private commandFrom(body: Buffer): PlistDict | undefined {
    if (body.length === 0) return undefined;
    const decoded = decodePlistDict(body);
    if (!decoded.ok)
      throw new Error(`The server sent a command that is not a plist: ${decoded.error.message}`);
    return decoded.value;
  }

  private pathOn(url: string): string {
    const parsed = new URL(url);
    if (parsed.hostname !== this.endpoint.serverName)
      throw new Error(
        `The MDM payload names ${parsed.hostname}, not the device host ${this.endpoint.serverName}.`,
      );
    return parsed.pathname + parsed.search;
  }
}
