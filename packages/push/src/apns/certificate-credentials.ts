import { createPrivateKey, X509Certificate } from "node:crypto";
import { createSecureContext, TLSSocket, type SecureContextOptions } from "node:tls";
import { PushError } from "../errors.js";

/** The organisation's MDM push certificate (or any APNs provider certificate), as PEM or PKCS#12. */
export type ApnsCertificate =
  { cert: string; key: string; passphrase?: string } | { pfx: Buffer; passphrase?: string };

export interface LoadedCertificate {
  /** What node:tls takes to present the certificate. */
  tls: SecureContextOptions;
  /** The subject's UID: the topic APNs binds to the certificate (com.apple.mgmt.External.… for MDM). */
  topic: string;
  notAfter: Date;
}

/** Reads the certificate once, up front: a bad file should fail at start, not on the first push. */
export function loadApnsCertificate(input: ApnsCertificate, now = new Date()): LoadedCertificate {
  const tls: SecureContextOptions = "pfx" in input ? { pfx: input.pfx, passphrase: input.passphrase } : input;
  const der = certificateDer(input, tls);
  const certificate = new X509Certificate(der);
  const topic = subjectUid(certificate.subject);
  if (!topic)
    throw new PushError(
      "invalid_credentials",
      `The APNs certificate's subject (${certificate.subject.replace(/\n/g, ", ")}) has no UID: ` +
        "it is not a push certificate. Use the certificate Apple issued for the MDM push topic.",
    );
  const notAfter = new Date(certificate.validTo);
  if (notAfter.getTime() <= now.getTime())
    throw new PushError(
      "credentials_expired",
      `The APNs certificate for ${topic} expired on ${notAfter.toISOString()}: renew it at Apple (identity.apple.com for MDM) and load the new one.`,
    );
  return { tls, topic, notAfter };
}

function certificateDer(input: ApnsCertificate, tls: SecureContextOptions): Buffer {
  if (!("pfx" in input)) {
    try {
      const certificate = new X509Certificate(input.cert);
      const key = createPrivateKey({ key: input.key, passphrase: input.passphrase });
      if (!certificate.checkPrivateKey(key)) throw new Error("The key does not belong to the certificate.");
      return certificate.raw;
    } catch (cause) {
      throw new PushError(
        "invalid_credentials",
        "The APNs certificate and key are not a readable PEM pair that belongs together.",
        { cause },
      );
    }
  }
  // OpenSSL reads the PKCS#12 for us, exactly as it will for the connection: a socket that is never
  // connected holds the secure context, and its local certificate is the one inside the file.
  let context;
  try {
    context = createSecureContext(tls);
  } catch (cause) {
    const text = cause instanceof Error ? cause.message : String(cause);
    const hint = /mac verify/i.test(text)
      ? "the passphrase is wrong"
      : /unsupported/i.test(text)
        ? "it uses legacy encryption (RC2/3DES) that this Node.js build does not read; re-export it with " +
          "AES (openssl pkcs12 -legacy -in old.p12 -nodes | openssl pkcs12 -export -out new.p12) or start Node with --openssl-legacy-provider"
        : text;
    throw new PushError("invalid_credentials", `The APNs PKCS#12 file cannot be read: ${hint}.`, { cause });
  }
  const socket = new TLSSocket(null as never, { secureContext: context });
  try {
    const local = socket.getCertificate();
    if (!local || !("raw" in local) || !local.raw)
      throw new PushError("invalid_credentials", "The APNs PKCS#12 file holds no certificate.");
    return local.raw;
  } finally {
    socket.destroy();
  }
}

/** The UID attribute (0.9.2342.19200300.100.1.1) from node's one-attribute-a-line subject text. */
function subjectUid(subject: string): string | undefined {
  for (const line of subject.split("\n")) {
    const match = /^(?:UID|userId|0\.9\.2342\.19200300\.100\.1\.1)=(.+)$/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}
