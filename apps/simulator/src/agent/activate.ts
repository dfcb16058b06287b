import { createHmac, X509Certificate } from "node:crypto";
import { deriveActivationScalars } from "@meridian/crypto";
import { activationContext, createProverSession, type DeriveScalars } from "@meridian/pake";
import { createCsr, generateKeyPair } from "@meridian/pki";
import { AGENT_PATHS, RELAY_API_PATHS, type ActivationLookupAnswer } from "@meridian/protocol";
import { DeviceHttpClient, type Endpoint } from "./https-client.js";

export interface RelayContact {
  /** "host:port" of the relay's device edge. */
  edge: string;
  /** The relay's own host name. */
  host: string;
  /** SHA-256 of the relay's CA certificate, which a real device would trust through the public web PKI. */
  caFingerprint: string;
}

export interface DeviceDescription {
  name?: string;
  manufacturer?: string;
  model?: string;
  osVersion?: string;
  serialNumber?: string;
  imei?: string;
  ownership?: "corporate" | "personal";
}

/** What a device keeps after activating: where its server is, and who it is. */
export interface DeviceCredentials {
  deviceId: string;
  endpoint: Endpoint;
  caCertificate: string;
  certificate: string;
  privateKey: string;
}

/**
 * Asks the relay which server serves `address`, and which CA that server's certificate must lead to:
 * the first step of every activation or enrollment.
 */
export async function lookUpAddress(relay: RelayContact, address: string): Promise<ActivationLookupAnswer> {
  const relayApi = new DeviceHttpClient(
    { edge: relay.edge, serverName: relay.host },
    { caFingerprint256: relay.caFingerprint },
  );
  try {
    return (
      await relayApi.call<ActivationLookupAnswer>(
        "GET",
        `${RELAY_API_PATHS.lookup}?address=${encodeURIComponent(address)}`,
      )
    ).body!;
  } finally {
    relayApi.close();
  }
}

/**
 * Activates a device as a real agent would: asks the relay where the address is served (and which
 * CA to pin), reaches that server end to end through the relay, proves the activation password with
 * SPAKE2+ bound to the pinned CA, and trades a certificate request for its identity certificate.
 */
export async function activateDevice(input: {
  relay: RelayContact;
  address: string;
  password: string;
  platform: "android" | "ios" | "macos" | "windows";
  device: DeviceDescription;
  /** The password hardening; a load generator may pass a memoised one, since its devices share passwords. */
  deriveScalars?: DeriveScalars;
}): Promise<DeviceCredentials> {
  const answer = await lookUpAddress(input.relay, input.address);
  const endpoint = { edge: input.relay.edge, serverName: answer.host };
  // Every connection to the server must lead to the CA the relay named: the pin the exchange is bound to.
  const server = new DeviceHttpClient(endpoint, { caFingerprint256: answer.caFingerprint });
  try {
    const started = (
      await server.call<{ session: string; activationId: string; salt: string; serverHost: string }>(
        "POST",
        AGENT_PATHS.activationStart,
        {
          address: input.address,
          platform: input.platform,
        },
      )
    ).body!;
    const prover = await createProverSession({
      password: input.password,
      salt: started.salt,
      context: activationContext({ caFingerprint: answer.caFingerprint, activationId: started.activationId }),
      idProver: input.address,
      idVerifier: answer.host,
      deriveScalars: input.deriveScalars ?? deriveActivationScalars,
    });
    const exchanged = (
      await server.call<{ shareV: string; confirmV: string }>("POST", AGENT_PATHS.activationExchange, {
        session: started.session,
        shareP: prover.shareP,
      })
    ).body!;
    let proof: { confirmP: string; sharedKey: Uint8Array };
    try {
      proof = prover.finish(exchanged.shareV, exchanged.confirmV);
    } catch (error) {
      // The server could not prove it knows the password: a wrong password, or not the pinned server. Say so, so the try counts now.
      await server
        .call("POST", AGENT_PATHS.activationAbort, { session: started.session })
        .catch(() => undefined);
      throw error;
    }
    const { confirmP, sharedKey } = proof;
    const keys = await generateKeyPair();
    const csr = await createCsr({ commonName: "meridian-device", keys: keys.keys });
    const csrMac = createHmac("sha256", sharedKey).update(csr, "utf8").digest("base64url");
    const finished = (
      await server.call<{ deviceId: string; certificate: string; caCertificate: string }>(
        "POST",
        AGENT_PATHS.activationFinish,
        {
          session: started.session,
          confirmP,
          csr,
          csrMac,
          device: input.device,
        },
      )
    ).body!;
    const givenCa = new X509Certificate(finished.caCertificate).fingerprint256
      .replace(/:/g, "")
      .toLowerCase();
    if (givenCa !== answer.caFingerprint.replace(/:/g, "").toLowerCase())
      throw new Error("The server returned a CA certificate other than the one the relay named.");
    return {
      deviceId: finished.deviceId,
      endpoint,
      caCertificate: finished.caCertificate,
      certificate: finished.certificate,
      privateKey: keys.privateKeyPem,
    };
  } finally {
    server.close();
  }
}

/**
 * The password hardening, computed once per password and salt. Real devices each run it once; a
 * simulator running hundreds of devices on one machine would otherwise measure its own argon2.
 */
export function memoisedDerivation(): DeriveScalars {
  const results = new Map<string, Promise<Uint8Array>>();
  return (password, salt) => {
    const key = `${Buffer.from(salt).toString("base64")}:${password}`;
    let result = results.get(key);
    if (!result) results.set(key, (result = deriveActivationScalars(password, salt)));
    return result;
  };
}
