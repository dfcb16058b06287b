import * as asn1js from "asn1js";
import type * as Pkijs from "pkijs";
import { bytes, octets, printable, unreadable } from "./asn1.js";
import { pkijsWithEngine } from "./pkijs-engine.js";
import { OID } from "./protocol.js";

/** The SCEP attributes a pkiMessage carries among its signed attributes (RFC 8894 3.2.1). */
export interface ScepAttributes {
  messageType: number;
  transactionId: string;
  senderNonce: Uint8Array;
  recipientNonce?: Uint8Array;
  pkiStatus?: number;
  failInfo?: number;
}

export function encodeScepAttributes(attributes: ScepAttributes): Pkijs.Attribute[] {
  const { Attribute } = pkijsWithEngine();
  const attribute = (type: string, value: asn1js.AsnType) => new Attribute({ type, values: [value] });
  const list = [
    attribute(OID.messageType, printable(String(attributes.messageType))),
    attribute(OID.transactionId, printable(attributes.transactionId)),
    attribute(OID.senderNonce, octets(attributes.senderNonce)),
  ];
  if (attributes.recipientNonce) list.push(attribute(OID.recipientNonce, octets(attributes.recipientNonce)));
  if (attributes.pkiStatus !== undefined)
    list.push(attribute(OID.pkiStatus, printable(String(attributes.pkiStatus))));
  if (attributes.failInfo !== undefined)
    list.push(attribute(OID.failInfo, printable(String(attributes.failInfo))));
  return list;
}

/** The one value of attribute `type`, or undefined when absent; repeated attributes are refused. */
export function singleValue(attributes: readonly Pkijs.Attribute[], type: string): unknown {
  const found = attributes.filter((attribute) => attribute.type === type);
  if (found.length > 1 || (found[0] && found[0].values.length !== 1))
    throw unreadable(`The signed attribute ${type} must appear once with one value.`);
  return found[0]?.values[0];
}

function text(attributes: readonly Pkijs.Attribute[], type: string, name: string): string | undefined {
  const value = singleValue(attributes, type);
  if (value === undefined) return undefined;
  if (value instanceof asn1js.PrintableString || value instanceof asn1js.Utf8String) return value.getValue();
  throw unreadable(`The ${name} attribute must be a PrintableString.`);
}

function number(attributes: readonly Pkijs.Attribute[], type: string, name: string): number | undefined {
  const value = text(attributes, type, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,3}$/.test(value)) throw unreadable(`The ${name} attribute must be a small decimal number.`);
  return Number(value);
}

function nonce(attributes: readonly Pkijs.Attribute[], type: string, name: string): Uint8Array | undefined {
  const value = singleValue(attributes, type);
  if (value === undefined) return undefined;
  if (!(value instanceof asn1js.OctetString))
    throw unreadable(`The ${name} attribute must be an OCTET STRING.`);
  const nonceBytes = bytes(value.getValue());
  // RFC 8894 3.2.1.5: nonces are 16 bytes; some clients send other lengths, so only a sane range is asked.
  if (nonceBytes.length < 8 || nonceBytes.length > 64) throw unreadable(`The ${name} must be 8 to 64 bytes.`);
  return nonceBytes;
}

export function decodeScepAttributes(attributes: readonly Pkijs.Attribute[]): ScepAttributes {
  const messageType = number(attributes, OID.messageType, "messageType");
  const transactionId = text(attributes, OID.transactionId, "transactionID");
  const senderNonce = nonce(attributes, OID.senderNonce, "senderNonce");
  if (messageType === undefined || transactionId === undefined || senderNonce === undefined)
    throw unreadable(
      "The message lacks one of the signed attributes messageType, transactionID or senderNonce.",
    );
  if (transactionId.length === 0 || transactionId.length > 128)
    throw unreadable("The transactionID must be 1 to 128 characters.");
  return {
    messageType,
    transactionId,
    senderNonce,
    recipientNonce: nonce(attributes, OID.recipientNonce, "recipientNonce"),
    pkiStatus: number(attributes, OID.pkiStatus, "pkiStatus"),
    failInfo: number(attributes, OID.failInfo, "failInfo"),
  };
}
