import type { Kysely } from "kysely";
import type { SecretBox } from "@meridian/core";
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type CertificateAuthority,
} from "@meridian/pki";
import type { RelayDatabase } from "./schema.js";

const CA_KEY = "identity.ca";

/**
 * The relay's own certificate authority. It signs the relay's TLS certificates, servers' link
 * certificates and licences; servers pin its fingerprint. Created on first start and kept in the
 * relay database with its private key sealed, so that every relay node sharing the database has it.
 */
export async function loadRelayIdentity(
  db: Kysely<RelayDatabase>,
  secretBox: SecretBox,
  relayHost: string,
): Promise<{ ca: CertificateAuthority; privateKeyPem: string }> {
  const stored = await db
    .selectFrom("relaySettings")
    .select("value")
    .where("key", "=", CA_KEY)
    .executeTakeFirst();
  if (stored) {
    const { certificatePem, sealedKey } = JSON.parse(stored.value) as {
      certificatePem: string;
      sealedKey: string;
    };
    const privateKeyPem = secretBox.open(sealedKey);
    return { ca: await loadCertificateAuthority(certificatePem, privateKeyPem), privateKeyPem };
  }
  const created = await createCertificateAuthority({
    commonName: `Meridian relay ${relayHost}`,
    organization: "Meridian relay",
    validityDays: 20 * 365,
  });
  const value = JSON.stringify({
    certificatePem: created.certificatePem,
    sealedKey: secretBox.seal(created.privateKeyPem),
  });
  // Two nodes starting together: the first insert wins and both use it.
  await db
    .insertInto("relaySettings")
    .values({ key: CA_KEY, value })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return loadRelayIdentity(db, secretBox, relayHost);
}
