// Helpers for this package's tests only; not exported from index.ts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh temporary folder, with helpers to write and read files in it. */
export function scratch() {
  const dir = mkdtempSync(join(tmpdir(), "meridian-pki-"));
  const path = (name: string) => join(dir, name);
  return {
    path,
    write(name: string, text: string | Uint8Array) {
      writeFileSync(path(name), text);
      return path(name);
    },
    read: (name: string) => readFileSync(path(name), "utf8"),
    readBytes: (name: string) => readFileSync(path(name)),
  };
}

/** Runs the real openssl CLI and returns what it printed (some verdicts go to stderr); throws when it fails. */
export function openssl(args: string[], input?: string | Uint8Array): string {
  const run = spawnSync("openssl", args, { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`openssl ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout + run.stderr;
}

/** A CSR made by openssl itself, with a fresh key: `-newkey` takes e.g. "rsa:2048" or "ec". */
export function opensslCsr(
  newKey: string[],
  options: { subject?: string; digest?: string | null; extra?: string[] } = {},
): { csrPem: string; keyPem: string } {
  const files = scratch();
  openssl([
    "req",
    "-new",
    ...newKey,
    "-nodes",
    "-keyout",
    files.path("key.pem"),
    "-subj",
    options.subject ?? "/CN=device-from-openssl",
    // Ed25519 signs without a separate digest, so it takes none.
    ...(options.digest === null ? [] : [`-${options.digest ?? "sha256"}`]),
    ...(options.extra ?? []),
    "-out",
    files.path("csr.pem"),
  ]);
  return { csrPem: files.read("csr.pem"), keyPem: files.read("key.pem") };
}

export const P256 = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"];

export function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64");
}

export function derToPem(der: Uint8Array, label: string): string {
  const lines =
    Buffer.from(der)
      .toString("base64")
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
