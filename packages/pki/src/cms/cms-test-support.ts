// Helpers for the CMS tests only; not exported from index.ts.
import { createCertificateAuthority, loadCertificateAuthority } from "../certificate-authority.js";
import { openssl, opensslCsr, P256, scratch } from "../test-support.js";
import { BerReader } from "./ber-reader.js";

export interface Device {
  certificatePem: string;
  privateKeyPem: string;
  serialNumber: string;
}

export const RSA_2048 = ["-newkey", "rsa:2048"];
export { P256 };

/** A tenant CA as the server has one, and devices enrolled with it from openssl-made requests. */
export async function tenantWithDevices(keys: readonly string[][]) {
  const pems = await createCertificateAuthority({ commonName: "Acme Devices CA", validityDays: 30 });
  const ca = await loadCertificateAuthority(pems.certificatePem, pems.privateKeyPem);
  const devices: Device[] = [];
  for (const newKey of keys) {
    const { csrPem, keyPem } = opensslCsr(newKey, { subject: `/CN=device-${devices.length}` });
    const issued = await ca.issueFromCsr(csrPem, { usage: "client", validityDays: 1 });
    devices.push({
      certificatePem: issued.certificatePem,
      privateKeyPem: keyPem,
      serialNumber: issued.serialNumber,
    });
  }
  return { caPem: pems.certificatePem, caFile: scratch().write("ca.pem", pems.certificatePem), devices };
}

/** `openssl cms -sign` over `content` by `signers`, as DER (or BER with -stream), returned as bytes. */
export function opensslSign(content: Uint8Array, signers: readonly Device[], extra: string[] = []): Buffer {
  const files = scratch();
  const signerArgs = signers.flatMap((signer, i) => [
    "-signer",
    files.write(`signer-${i}.pem`, signer.certificatePem),
    "-inkey",
    files.write(`key-${i}.pem`, signer.privateKeyPem),
  ]);
  openssl([
    "cms",
    "-sign",
    "-binary",
    "-in",
    files.write("content", content),
    ...signerArgs,
    "-outform",
    "DER",
    "-out",
    files.path("signature.der"),
    ...extra,
  ]);
  return files.readBytes("signature.der");
}

/**
 * OpenSSL streams only signatures that carry their content. Cutting the content out of the
 * indefinite-length encapsulatedContentInfo leaves every length valid and gives the shape Apple
 * devices send ("MIAG…"): detached, with indefinite lengths throughout.
 */
export function detachStreamed(ber: Uint8Array): Buffer {
  const reader = new BerReader(ber);
  const [, explicit] = reader.children(reader.root());
  const [signedData] = reader.children(explicit!);
  const encapsulated = reader.children(signedData!)[2]!;
  if (!encapsulated.indefinite) throw new Error("the signature was not streamed");
  const [, content] = reader.children(encapsulated);
  return Buffer.concat([ber.subarray(0, content!.start), ber.subarray(content!.end)]);
}

/** Runs `openssl cms -verify` on a DER/BER signature; detached when `content` is given. Returns what it printed. */
export function opensslVerify(
  signature: Uint8Array,
  caFile: string,
  content?: Uint8Array,
  extra: string[] = [],
) {
  const files = scratch();
  const output = files.path("content.out");
  const printed = openssl([
    "cms",
    "-verify",
    "-binary",
    "-inform",
    "DER",
    "-in",
    files.write("signature.der", signature),
    ...(content ? ["-content", files.write("content", content)] : []),
    "-CAfile",
    caFile,
    // Device certificates are for TLS clients; OpenSSL's default purpose is S/MIME signing.
    "-purpose",
    "any",
    "-out",
    output,
    ...extra,
  ]);
  return { printed, content: files.readBytes("content.out") };
}
