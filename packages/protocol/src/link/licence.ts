import { X509Certificate, createPrivateKey, sign, verify } from "node:crypto";

/**
 * What a relay operator grants a registered server. Signed with the relay's CA key, so a server (and
 * anyone shown it) can check it against the relay certificate the server already pins.
 */
export interface Licence {
  serverId: string;
  serverName: string;
  maxDevices: number;
  features: string[];
  issuedAt: number;
  expiresAt: number;
}

export interface SignedLicence {
  licence: Licence;
  /** ECDSA P-256 / SHA-256 over the licence's canonical bytes, base64url. */
  signature: string;
}

const FIELDS: ReadonlyArray<keyof Licence> = [
  "serverId",
  "serverName",
  "maxDevices",
  "features",
  "issuedAt",
  "expiresAt",
];

/** The bytes that are signed: the fields in a fixed order, so that signer and verifier agree. */
export function licenceBytes(licence: Licence): Buffer {
  return Buffer.from(JSON.stringify(FIELDS.map((field) => licence[field])), "utf8");
}

export function signLicence(licence: Licence, privateKeyPem: string): SignedLicence {
  const signature = sign("sha256", licenceBytes(licence), createPrivateKey(privateKeyPem)).toString(
    "base64url",
  );
  return { licence, signature };
}

export class LicenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LicenceError";
  }
}

/** Checks the signature against the relay's certificate and returns the licence; throws LicenceError otherwise. */
export function verifyLicence(signed: SignedLicence, relayCertificatePem: string): Licence {
  const { licence, signature } = signed;
  const shapeOk =
    typeof licence === "object" &&
    licence !== null &&
    typeof licence.serverId === "string" &&
    typeof licence.serverName === "string" &&
    Number.isInteger(licence.maxDevices) &&
    Array.isArray(licence.features) &&
    licence.features.every((f) => typeof f === "string") &&
    Number.isInteger(licence.issuedAt) &&
    Number.isInteger(licence.expiresAt) &&
    typeof signature === "string";
  if (!shapeOk) throw new LicenceError("The licence is not in the expected form.");
  const key = new X509Certificate(relayCertificatePem).publicKey;
  if (!verify("sha256", licenceBytes(licence), key, Buffer.from(signature, "base64url"))) {
    throw new LicenceError("The licence's signature does not match the relay's certificate.");
  }
  return licence;
}

export function licenceExpired(licence: Licence, now: number): boolean {
  return licence.expiresAt <= now;
}
