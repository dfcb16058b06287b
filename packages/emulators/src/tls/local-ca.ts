import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isIP } from "node:net";
import {
  bitString,
  boolean,
  explicit,
  implicit,
  objectIdentifier,
  octetString,
  sequence,
  set,
  time,
  tlv,
  unsignedInteger,
  utf8String,
} from "./der.js";

/** Exactly what node:tls takes: `key` and `cert` for the server, `ca` for its clients to trust. */
export interface TlsIdentity {
  key: string;
  cert: string;
  ca: string;
}

const ECDSA_WITH_SHA256 = sequence(objectIdentifier("1.2.840.10045.4.3.2"));

const name = (commonName: string) =>
  sequence(set(sequence(objectIdentifier("2.5.4.3"), utf8String(commonName))));

const extension = (oid: string, critical: boolean, value: Buffer) =>
  sequence(objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value));

function ipBytes(address: string): Buffer {
  if (isIP(address) === 4) return Buffer.from(address.split(".").map(Number));
  const [head = "", tail = ""] = address.split("::");
  const groups = (part: string) => (part ? part.split(":") : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = [
    ...groups(head),
    ...Array<string>(address.includes("::") ? missing : 0).fill("0"),
    ...groups(tail),
  ];
  return Buffer.concat(all.map((group) => Buffer.from(group.padStart(4, "0"), "hex")));
}

function certificate(options: {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signingKey: KeyObject;
  extensions: Buffer[];
  days: number;
}): string {
  const now = Date.now();
  const tbs = sequence(
    explicit(0, unsignedInteger(Buffer.from([2]))),
    unsignedInteger(Buffer.concat([Buffer.from([0x40]), randomBytes(15)])),
    ECDSA_WITH_SHA256,
    name(options.issuer),
    sequence(time(new Date(now - 60 * 60_000)), time(new Date(now + options.days * 86_400_000))),
    name(options.subject),
    options.publicKey.export({ type: "spki", format: "der" }),
    explicit(3, sequence(...options.extensions)),
  );
  const signature = sign("sha256", tbs, options.signingKey);
  const der = sequence(tbs, ECDSA_WITH_SHA256, bitString(signature));
  return `-----BEGIN CERTIFICATE-----\n${der.toString("base64").replace(/.{64}/g, "$&\n")}\n-----END CERTIFICATE-----\n`.replace(
    "\n\n",
    "\n",
  );
}

/**
 * A throwaway CA and a server certificate for `hosts`, made in-process in a few milliseconds so an
 * emulator starts without files or the openssl command. Clients trust `ca`, as they would pin Apple's.
 */
export function createLocalTlsIdentity(
  hosts: string[] = ["localhost", "127.0.0.1", "::1"],
  days = 30,
): TlsIdentity {
  const ca = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const server = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const caName = "Meridian push emulator CA";
  const caCert = certificate({
    subject: caName,
    issuer: caName,
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    days,
    extensions: [
      extension("2.5.29.19", true, sequence(boolean(true))),
      extension("2.5.29.15", true, tlv(0x03, Buffer.from([0x01, 0x06]))),
    ],
  });
  const altNames = hosts.map((host) =>
    isIP(host) ? implicit(7, ipBytes(host)) : implicit(2, Buffer.from(host, "ascii")),
  );
  const serverCert = certificate({
    subject: hosts[0] ?? "localhost",
    issuer: caName,
    publicKey: server.publicKey,
    signingKey: ca.privateKey,
    days,
    extensions: [
      extension("2.5.29.19", true, sequence()),
      extension("2.5.29.15", true, tlv(0x03, Buffer.from([0x07, 0x80]))),
      extension("2.5.29.37", false, sequence(objectIdentifier("1.3.6.1.5.5.7.3.1"))),
      extension("2.5.29.17", false, sequence(...altNames)),
    ],
  });
  return {
    key: server.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    cert: serverCert,
    ca: caCert,
  };
}
