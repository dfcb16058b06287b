import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ProviderCertificate {
  cert: string;
  key: string;
  /** The same certificate and key as PKCS#12, AES-encrypted under `passphrase`. */
  pfx: Buffer;
  passphrase: string;
}

/**
 * A self-signed APNs provider certificate made with the openssl command, shaped like Apple's: the
 * topic in the subject's UID, optionally Apple's sandbox or production marker extension.
 */
export function makeProviderCertificate(
  topic: string,
  options: { environment?: "sandbox" | "production"; days?: number } = {},
): ProviderCertificate {
  const dir = mkdtempSync(join(tmpdir(), "apns-cert-"));
  const passphrase = "fixture-passphrase";
  try {
    const marker =
      options.environment === "sandbox"
        ? ["-addext", "1.2.840.113635.100.6.3.1=DER:0500"]
        : options.environment === "production"
          ? ["-addext", "1.2.840.113635.100.6.3.2=DER:0500"]
          : [];
    const run = (args: string[]) =>
      execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
    run([
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "key.pem",
      "-out",
      "cert.pem",
      "-days",
      String(options.days ?? 30),
      "-subj",
      `/UID=${topic}/CN=APSP:${topic}/C=US`,
      ...marker,
    ]);
    run([
      "pkcs12",
      "-export",
      "-inkey",
      "key.pem",
      "-in",
      "cert.pem",
      "-out",
      "cert.p12",
      "-passout",
      `pass:${passphrase}`,
    ]);
    return {
      cert: readFileSync(join(dir, "cert.pem"), "utf8"),
      key: readFileSync(join(dir, "key.pem"), "utf8"),
      pfx: readFileSync(join(dir, "cert.p12")),
      passphrase,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
