import type { Der } from "./der-writer.js";
import type { Signer } from "./signer.js";

/** A loaded CA as the signing code sees it. */
export interface Issuer {
  /** The CA certificate's subject, byte for byte: the issuer of everything it signs. */
  name: Der;
  /** Repeated as authorityKeyIdentifier in everything it signs. */
  keyId: Uint8Array;
  notAfter: Date;
  signer: Signer;
}
