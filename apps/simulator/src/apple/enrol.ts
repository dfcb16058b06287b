import { generateKeyPair as generateNodeKeyPair } from "node:crypto";
import { promisify } from "node:util";
import { scepEnroll } from "@meridian/pki";
import { pinnedHttpsAgent } from "@meridian/tunnel";
import { lookUpAddress, type RelayContact } from "../agent/activate.js";
import type { Endpoint } from "../agent/https-client.js";
import { exchange, fetchThrough } from "./https-exchange.js";
import { readEnrollmentProfile, type InstalledEnrollmentProfile } from "./enrollment-profile.js";
import type { ApplePlatform } from "./hardware.js";

const generateKeyPair = promisify(generateNodeKeyPair);

/** The server refused the enrollment (a wrong password, an unknown address...): its page, as text. */
export class AppleEnrollmentRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "AppleEnrollmentRefused";
  }
}

export interface AppleIdentity {
  certificatePem: string;
  privateKeyPem: string;
}

/**
 * Downloads the enrollment profile as the user's browser does on the device: the relay says where
 * the address is served and which CA to pin, and the enrollment page is posted end to end through the
 * relay's edge. Returns the checked profile and the endpoint the device keeps using.
 */
export async function downloadEnrollmentProfile(input: {
  relay: RelayContact;
  address: string;
  password: string;
  platform: ApplePlatform;
}): Promise<{ profile: InstalledEnrollmentProfile; endpoint: Endpoint }> {
  const answer = await lookUpAddress(input.relay, input.address);
  const endpoint = { edge: input.relay.edge, serverName: answer.host };
  const agent = pinnedHttpsAgent(
    { address: endpoint.edge, serverName: endpoint.serverName },
    { caFingerprint256: answer.caFingerprint },
  );
  try {
    const form = new URLSearchParams({
      address: input.address,
      password: input.password,
      platform: input.platform,
    }).toString();
    const answered = await exchange(
      agent,
      endpoint.serverName,
      "POST",
      "/enroll",
      { "content-type": "application/x-www-form-urlencoded" },
      form,
    );
    if (
      answered.status !== 200 ||
      !answered.headers["content-type"]?.startsWith("application/x-apple-aspen-config")
    )
      throw new AppleEnrollmentRefused(answered.status, refusalText(answered.status, answered.body));
    return { profile: readEnrollmentProfile(answered.body, answer.caFingerprint), endpoint };
  } finally {
    agent.destroy();
  }
}

/** The words of an HTML refusal page: what the user would read on the device. */
function refusalText(status: number, body: Buffer): string {
  const alert = /role="alert"[^>]*>([^<]*)</.exec(body.toString("utf8"))?.[1];
  const words = (alert ?? body.toString("utf8").replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
  return `The enrollment was refused (HTTP ${status})${words ? `: ${words.slice(0, 300)}` : ""}.`;
}

/**
 * Makes the device's identity as the SCEP payload asks: a new RSA key of the payload's size, and a
 * certificate for it from the profile's SCEP URL, reached through the relay and trusted through the
 * CA the profile installed.
 */
export async function enrolIdentity(
  profile: InstalledEnrollmentProfile,
  endpoint: Endpoint,
): Promise<AppleIdentity> {
  const { privateKey } = await generateKeyPair("rsa", { modulusLength: profile.scep.keySize });
  const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const host = new URL(profile.scep.url).hostname;
  // One edge, one name: a profile pointing elsewhere would need a second relay lookup, which no server sends.
  if (host !== endpoint.serverName)
    throw new Error(`The SCEP URL names ${host}, not the device host ${endpoint.serverName}.`);
  const agent = pinnedHttpsAgent(
    { address: endpoint.edge, serverName: endpoint.serverName },
    { ca: profile.caCertificatePem },
  );
  try {
    const certificatePem = await scepEnroll({
      url: profile.scep.url,
      fetch: fetchThrough(agent, endpoint.serverName),
      ...(profile.scep.challenge === undefined ? {} : { challenge: profile.scep.challenge }),
      subject: profile.scep.subject,
      keys: { privateKeyPem },
    });
    return { certificatePem, privateKeyPem };
  } finally {
    agent.destroy();
  }
}
