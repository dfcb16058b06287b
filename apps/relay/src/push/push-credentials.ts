import type { Registry } from "prom-client";
import {
  ApnsClient,
  loadApnsCertificate,
  FcmClient,
  PushError,
  WnsClient,
  readServiceAccount,
  type ApnsCertificate,
  type PushClient,
  type PushNotification,
} from "@meridian/push";
import type { PushCredentials, PushServiceName } from "@meridian/protocol";

/** Where the relay sends pushes: the real services unless a base URL (a local emulator) is given. */
export interface PushEndpoints {
  apnsUrl?: string | undefined;
  fcmUrl?: string | undefined;
  wnsTokenUrl?: string | undefined;
  /** Hosts WNS channel URIs may name (the real ones by default). */
  wnsChannelHosts?: string[] | undefined;
  /** Extra trust anchors (PEM) for an emulator's certificate. */
  ca?: string | undefined;
  /** Where the clients' metrics go (the relay's Prometheus registry). */
  registry?: Registry | undefined;
}

export type CredentialsError = PushError;

/**
 * Builds the client a server's credentials call for. Construction reads and checks the credentials,
 * so a wrong key, an expired certificate or a malformed service account fails when it is uploaded,
 * not at the first push.
 */
export function clientFor(
  credentials: PushCredentials,
  endpoints: PushEndpoints,
): PushClient<PushNotification> {
  const ca = endpoints.ca;
  switch (credentials.service) {
    case "apns": {
      const certificate = credentials.certificate;
      const auth = credentials.token
        ? { token: credentials.token }
        : certificate
          ? { certificate: apnsCertificateOf(certificate) }
          : undefined;
      if (!auth)
        throw new PushError("invalid_credentials", "APNs needs a .p8 token key or the push certificate.");
      return new ApnsClient({
        credentials: auth,
        ...(credentials.topic ? { topic: credentials.topic } : {}),
        ...(credentials.environment ? { environment: credentials.environment } : {}),
        ...(endpoints.apnsUrl ? { baseUrl: endpoints.apnsUrl } : {}),
        ...(ca ? { ca } : {}),
        ...(endpoints.registry ? { registry: endpoints.registry } : {}),
      });
    }
    case "fcm":
      return new FcmClient({
        serviceAccount: credentials.serviceAccount,
        ...(endpoints.fcmUrl ? { baseUrl: endpoints.fcmUrl } : {}),
        ...(ca ? { ca } : {}),
        ...(endpoints.registry ? { registry: endpoints.registry } : {}),
      });
    case "wns":
      return new WnsClient({
        credentials: { clientId: credentials.clientId, clientSecret: credentials.clientSecret },
        ...(endpoints.wnsTokenUrl ? { tokenUrl: endpoints.wnsTokenUrl } : {}),
        ...(endpoints.wnsChannelHosts ? { allowedChannelHosts: endpoints.wnsChannelHosts } : {}),
        ...(ca ? { ca } : {}),
        ...(endpoints.registry ? { registry: endpoints.registry } : {}),
      });
  }
}

type UploadedCertificate = NonNullable<Extract<PushCredentials, { service: "apns" }>["certificate"]>;

/** The push certificate as uploaded (PEM, or PKCS#12 in base64) in the form the APNs client reads. */
function apnsCertificateOf(certificate: UploadedCertificate): ApnsCertificate {
  return "pfxBase64" in certificate
    ? {
        pfx: Buffer.from(certificate.pfxBase64, "base64"),
        ...(certificate.passphrase ? { passphrase: certificate.passphrase } : {}),
      }
    : certificate;
}

/**
 * When the credentials stop working, if they say: an APNs certificate's end of validity. Read from
 * the certificate itself, so an expired one still tells when it ended.
 */
export function expiryOf(credentials: PushCredentials): number | undefined {
  if (credentials.service !== "apns" || !credentials.certificate) return undefined;
  try {
    // The epoch as "now": an expired certificate still says when it ended.
    return loadApnsCertificate(apnsCertificateOf(credentials.certificate), new Date(0)).notAfter.getTime();
  } catch {
    return undefined;
  }
}

/** What the credentials are, without their secret: shown back to the server's administrators. */
export function identityOf(credentials: PushCredentials, client: PushClient<PushNotification>): string {
  switch (credentials.service) {
    case "apns":
      return (client as ApnsClient).topic;
    case "fcm":
      return readServiceAccount(credentials.serviceAccount).projectId;
    case "wns":
      return credentials.clientId;
  }
}

export function isPushService(value: string): value is PushServiceName {
  return value === "apns" || value === "fcm" || value === "wns";
}
