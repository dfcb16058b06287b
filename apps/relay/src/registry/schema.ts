/** The relay's own tables (camelCase here, snake_case in the database), on SQLite or a PostgreSQL that relay nodes share. */
export interface RelayDatabase {
  relayServers: {
    id: string;
    name: string;
    /** Device host names this server may receive: the domain itself and any name below it. */
    domain: string;
    /** SHA-256 of the authentication key; the key itself is shown once, at registration. */
    keyHash: string;
    licence: string;
    /** Serial of the link client certificate issued at enrolment; older ones are refused. */
    clientCertSerial: string | null;
    deviceCount: number;
    createdAt: number;
    revokedAt: number | null;
  };
  relayActivations: {
    addressHash: string;
    serverId: string;
    host: string;
    caFingerprint: string;
    expiresAt: number;
    registeredAt: number;
  };
  relaySettings: { key: string; value: string };
  /** Tenant CAs of registered servers: their device certificates may open push channels. */
  relayDeviceCas: { fingerprint: string; serverId: string; certificatePem: string };
  relayPushCredentials: {
    serverId: string;
    service: string;
    /** "" for the server's own credentials; a tenant id the server names for that tenant's APNs certificate. */
    scope: string;
    /** The APNs topic, FCM project or WNS client: what the credentials are, without the secret. */
    identity: string;
    /** The credentials' JSON, sealed with the relay's secret key. */
    sealed: string;
    updatedAt: number;
  };
}
