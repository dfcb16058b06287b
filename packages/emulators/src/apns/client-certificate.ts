import type { TLSSocket } from "node:tls";
import { objectIdentifier } from "../tls/der.js";

/** What a provider certificate entitles a connection to, or why it entitles it to nothing. */
export type CertificateAuth =
  | { kind: "none" }
  | { kind: "certificate"; topic: string }
  | { kind: "refused"; reason: "BadCertificate" | "BadCertificateEnvironment" };

// Apple's push certificate markers: "Apple Push Notification service SSL (Sandbox)" and "(Production)".
const SANDBOX_MARKER = objectIdentifier("1.2.840.113635.100.6.3.1");
const PRODUCTION_MARKER = objectIdentifier("1.2.840.113635.100.6.3.2");

/**
 * Reads the client certificate of a new connection. Its UID is the topic it may push to. A certificate
 * that carries only the other environment's marker is refused as APNs refuses it; certificates with
 * neither marker (test fixtures, MDM certificates) serve both environments.
 */
export function certificateAuth(socket: TLSSocket, environment: "production" | "sandbox"): CertificateAuth {
  const peer = socket.getPeerCertificate();
  if (!peer || !peer.raw) return { kind: "none" };
  if (!socket.authorized) return { kind: "refused", reason: "BadCertificate" };
  const uid = (peer.subject as unknown as Record<string, string | string[] | undefined>).UID;
  const topic = Array.isArray(uid) ? uid[0] : uid;
  if (!topic) return { kind: "refused", reason: "BadCertificate" };
  const sandbox = peer.raw.includes(SANDBOX_MARKER);
  const production = peer.raw.includes(PRODUCTION_MARKER);
  if (sandbox !== production && (environment === "sandbox" ? !sandbox : !production))
    return { kind: "refused", reason: "BadCertificateEnvironment" };
  return { kind: "certificate", topic };
}
