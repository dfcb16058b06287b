import type { Core } from "@meridian/core";
import {
  createCertificateAuthority,
  createScepRaIdentity,
  loadCertificateAuthority,
  type CertificateAuthority,
  type ScepRaIdentity,
} from "@meridian/pki";
import { KeptPromises } from "./kept-promises.js";

const CA_SETTING = "pki.ca";
const SCEP_RA_SETTING = "pki.scep-ra";
const SERVER_CERTIFICATE_DAYS = 90;
/** A server certificate is replaced when it has less than this left. */
const RENEW_BEFORE_MS = 30 * 86_400_000;

export interface ServerTlsIdentity {
  key: string;
  /** The server certificate followed by the CA certificate: devices pin the CA from this chain. */
  cert: string;
  /** The server certificate alone (what signs enrollment profiles). */
  leaf: string;
  ca: string;
  notAfter: number;
}

/**
 * Each tenant's certificate authority: created on first use and kept sealed in the tenant's settings.
 * It issues the TLS certificate devices see for the tenant's host, and every device's identity.
 */
export class TenantPki {
  private readonly authorities = new KeptPromises<CertificateAuthority>();
  private readonly identities = new KeptPromises<ServerTlsIdentity>();
  private readonly scepRas = new KeptPromises<ScepRaIdentity>();

  constructor(private readonly core: Core) {}

  authority(tenantId: string): Promise<CertificateAuthority> {
    return this.authorities.get(tenantId, () => this.loadOrCreate(tenantId));
  }

  /** The TLS identity for a tenant's device host, issued on first use and renewed well before it expires. */
  async serverIdentity(tenantId: string, host: string): Promise<ServerTlsIdentity> {
    const key = `${tenantId}\u0000${host}`;
    const cached = this.identities.peek(key);
    if (cached) {
      const identity = await cached;
      if (identity.notAfter - Date.now() > RENEW_BEFORE_MS) return identity;
    }
    return this.identities.replace(key, () => this.issueServerIdentity(tenantId, host));
  }

  private async issueServerIdentity(tenantId: string, host: string): Promise<ServerTlsIdentity> {
    const ca = await this.authority(tenantId);
    const issued = await ca.issueServerCertificate({
      hostNames: [host],
      validityDays: SERVER_CERTIFICATE_DAYS,
    });
    return {
      key: issued.privateKeyPem,
      cert: issued.certificatePem + ca.certificatePem,
      leaf: issued.certificatePem,
      ca: ca.certificatePem,
      notAfter: issued.notAfter.getTime(),
    };
  }

  /**
   * The RSA identity SCEP clients encrypt their requests to (the tenant CA's key is ECDSA, which
   * SCEP's key transport cannot use): issued by the tenant CA on first use and kept sealed.
   */
  scepRa(tenantId: string): Promise<ScepRaIdentity> {
    return this.scepRas.get(tenantId, async () => {
      const stored = await this.core.secrets.get(tenantId, SCEP_RA_SETTING);
      if (stored) return JSON.parse(stored) as ScepRaIdentity;
      const created = await createScepRaIdentity(await this.authority(tenantId));
      return JSON.parse(
        await this.core.secrets.setIfAbsent(tenantId, SCEP_RA_SETTING, JSON.stringify(created)),
      ) as ScepRaIdentity;
    });
  }

  private async loadOrCreate(tenantId: string): Promise<CertificateAuthority> {
    let stored = await this.core.secrets.get(tenantId, CA_SETTING);
    if (!stored) {
      const tenant = await this.core.deps.store.tenants.get(tenantId);
      const created = await createCertificateAuthority({
        commonName: `Meridian device CA (${tenant?.slug ?? tenantId})`,
        organization: tenant?.name ?? "Meridian",
        validityDays: 20 * 365,
      });
      // Several processes may start together: the first CA stored is the one every process uses.
      stored = await this.core.secrets.setIfAbsent(tenantId, CA_SETTING, JSON.stringify(created));
    }
    const { certificatePem, privateKeyPem } = JSON.parse(stored) as {
      certificatePem: string;
      privateKeyPem: string;
    };
    return loadCertificateAuthority(certificatePem, privateKeyPem);
  }
}
