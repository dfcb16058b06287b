// For this folder's tests only: a CA with an RA and a SCEP server that records what it decided.
import { execFile } from "node:child_process";
import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";
import { createCertificateAuthority, loadCertificateAuthority } from "../certificate-authority.js";
import type { IssuedCertificate } from "../issue-certificate.js";
import { createScepRaIdentity } from "./ra-identity.js";
import { createScepServer } from "./server.js";
import type { ScepAuthorizationRequest } from "./server-types.js";

export const CHALLENGE = "open-sesame-42";

export async function scepFixture() {
  const caPems = await createCertificateAuthority({ commonName: "Acme Devices CA", validityDays: 365 });
  const ca = await loadCertificateAuthority(caPems.certificatePem, caPems.privateKeyPem);
  const ra = await createScepRaIdentity(ca);
  const authorized: ScepAuthorizationRequest[] = [];
  const issued: Array<{ certificate: IssuedCertificate; transactionId: string }> = [];
  const refused: Array<{ failInfo: string; reason: string; transactionId: string }> = [];
  const server = createScepServer({
    ca,
    ra,
    async authorize(request) {
      authorized.push(request);
      // A renewal is vouched for by the certificate that signed it; a new enrolment by the challenge.
      return request.challenge === CHALLENGE || request.signerCertificatePem !== undefined
        ? { ok: true, validityDays: 30 }
        : { ok: false, failInfo: "badRequest", reason: "The challenge password is wrong." };
    },
    onIssued: (certificate, transactionId) => void issued.push({ certificate, transactionId }),
    onRefused: (refusal, transactionId) => void refused.push({ ...refusal, transactionId }),
  });
  const reset = () => {
    authorized.length = 0;
    issued.length = 0;
    refused.length = 0;
  };
  return { ca, ra, server, authorized, issued, refused, reset };
}

const generate = promisify(generateKeyPair);

export async function rsaKeyPem(bits = 2048): Promise<string> {
  const { privateKey } = await generate("rsa", { modulusLength: bits });
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/**
 * Runs strongSwan's pki without blocking: the SCEP server it talks to lives in this same process.
 * Resolves with the exit status and output, never rejects on a non-zero exit.
 */
export async function runPki(args: string[]): Promise<{ status: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("pki", args, { timeout: 30_000 });
    return { status: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      status: typeof failed.code === "number" ? failed.code : -1,
      output: `${failed.stdout}${failed.stderr}`,
    };
  }
}
