import { execFileSync } from "node:child_process";
import { randomBytes, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Credentials {
  key: string;
  cert: string;
}

export interface IssueOptions {
  commonName: string;
  usage: "server" | "client";
  dnsNames?: string[];
  ipAddresses?: string[];
}

const EC_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];

function openssl(args: string[], cwd: string): void {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

/**
 * A throwaway certificate authority made with the `openssl` command, for tests and benchmarks only.
 * Issuance for real belongs to @meridian/pki; this exists so the tunnel is tested against certificates
 * from a tool it shares nothing with.
 */
export class TestCa {
  readonly cert: string;
  private readonly dir: string;
  private issued = 0;

  private constructor(dir: string) {
    this.dir = dir;
    this.cert = readFileSync(join(dir, "ca.crt"), "utf8");
  }

  static create(name: string): TestCa {
    const dir = mkdtempSync(join(tmpdir(), "meridian-tunnel-ca-"));
    openssl(
      [
        "req",
        "-x509",
        ...EC_KEY,
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        "2",
        "-subj",
        `/CN=${name}`,
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
      ],
      dir,
    );
    return new TestCa(dir);
  }

  /** The SHA-256 fingerprint as Node prints it (colon-separated upper-case hex). */
  get fingerprint256(): string {
    return new X509Certificate(this.cert).fingerprint256;
  }

  issue(options: IssueOptions): Credentials {
    const { key, csr } = createKeyAndCsr(options.commonName);
    return { key, cert: this.signRequest(csr, options) };
  }

  /** Signs a PEM certificate signing request, taking the names and usage from `options`, not the request. */
  signRequest(csr: string, options: IssueOptions): string {
    const name = `leaf-${++this.issued}`;
    const altNames = [
      ...(options.dnsNames ?? []).map((n) => `DNS:${n}`),
      ...(options.ipAddresses ?? []).map((ip) => `IP:${ip}`),
    ];
    const extensions = [
      "basicConstraints=critical,CA:FALSE",
      "keyUsage=critical,digitalSignature",
      `extendedKeyUsage=${options.usage === "server" ? "serverAuth" : "clientAuth"}`,
      ...(altNames.length > 0 ? [`subjectAltName=${altNames.join(",")}`] : []),
    ];
    writeFileSync(join(this.dir, `${name}.csr`), csr);
    writeFileSync(join(this.dir, `${name}.ext`), extensions.join("\n") + "\n");
    openssl(
      [
        "x509",
        "-req",
        "-in",
        `${name}.csr`,
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-set_serial",
        `0x${randomBytes(8).toString("hex")}`,
        "-days",
        "2",
        "-subj",
        `/CN=${options.commonName}`,
        "-extfile",
        `${name}.ext`,
        "-out",
        `${name}.crt`,
      ],
      this.dir,
    );
    return readFileSync(join(this.dir, `${name}.crt`), "utf8");
  }
}

export function createKeyAndCsr(commonName: string): { key: string; csr: string } {
  const dir = mkdtempSync(join(tmpdir(), "meridian-tunnel-csr-"));
  openssl(["req", "-new", ...EC_KEY, "-keyout", "k.pem", "-out", "r.csr", "-subj", `/CN=${commonName}`], dir);
  return { key: readFileSync(join(dir, "k.pem"), "utf8"), csr: readFileSync(join(dir, "r.csr"), "utf8") };
}
