import type * as Pkijs from "pkijs";
import { pkijsWithEngine } from "./pkijs-engine.js";

/** True when an IssuerAndSerialNumber (a CMS signer or recipient identifier) names `certificate`. */
export function namesCertificate(identifier: unknown, certificate: Pkijs.Certificate): boolean {
  if (!(identifier instanceof pkijsWithEngine().IssuerAndSerialNumber)) return false;
  const same = (a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array) =>
    Buffer.from(a instanceof Uint8Array ? a : new Uint8Array(a)).equals(
      Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)),
    );
  return (
    same(identifier.issuer.toSchema().toBER(), certificate.issuer.toSchema().toBER()) &&
    same(identifier.serialNumber.valueBlock.valueHexView, certificate.serialNumber.valueBlock.valueHexView)
  );
}
