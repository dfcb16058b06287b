import type { Core } from "@meridian/core";
import {
  createCertificateAuthority,
  createScepRaIdentity,
  loadCertificateAuthority,
  type CertificateAuthority,
  type ScepRaIdentity,
} from "@meridian/pki";

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
  private readonly authorities = new Map<string, Promise<CertificateAuthority>>();
  private readonly identities = new Map<string, Promise<ServerTlsIdentity>>();
  private readonly scepRas = new Map<string, Promise<ScepRaIdentity>>();

  constructor(private readonly core: Core) {}

  authority(tenantId: string): Promise<CertificateAuthority> {
    let authority = this.authorities.get(tenantId);
    if (!authority) {
      authority = this.loadOrCreate(tenantId);
      authority.catch(() => this.authorities.delete(tenantId));
      this.authorities.set(tenantId, authority);
    }
    return authority;
  }

  /** The TLS identity for a tenant's device host, issued on first use and renewed well before it expires. */
  async serverIdentity(tenantId: string, host: string): Promise<ServerTlsIdentity> {
    const key = `${tenantId}\u0000${host}`;
    const cached = this.identities.get(key);
    if (cached) {
      const identity = await cached;
      if (identity.notAfter - Date.now() > RENEW_BEFORE_MS) return identity;
    }
    const issuing = this.authority(tenantId).then(async (ca) => {
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
    });
    issuing.catch(() => this.identities.delete(key));
    this.identities.set(key, issuing);
    return issuing;
  }

  /**
   * The RSA identity SCEP clients encrypt their requests to (the tenant CA's key is ECDSA, which
   * SCEP's key transport cannot use): issued by the tenant CA on first use and kept sealed.
   */
  scepRa(tenantId: string): Promise<ScepRaIdentity> {
    let ra = this.scepRas.get(tenantId);
    if (!ra) {
      ra = (async () => {
        const stored = await this.core.secrets.get(tenantId, SCEP_RA_SETTING);
        if (stored) return JSON.parse(stored) as ScepRaIdentity;
        const created = await createScepRaIdentity(await this.authority(tenantId));
        return JSON.parse(
          await this.core.secrets.setIfAbsent(tenantId, SCEP_RA_SETTING, JSON.stringify(created)),
        ) as ScepRaIdentity;
      })();
      ra.catch(() => this.scepRas.delete(tenantId));
      this.scepRas.set(tenantId, ra);
    }
    return ra;
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
