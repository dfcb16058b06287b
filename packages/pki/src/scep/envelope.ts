import { createCipheriv, createDecipheriv, createPublicKey, randomBytes, type KeyObject } from "node:crypto";
import * as asn1js from "asn1js";
import type * as Pkijs from "pkijs";
import { bytes, octets, parseWith, unreadable } from "./asn1.js";
import { cipherByOid, type ContentCipher } from "./content-cipher.js";
import { namesCertificate } from "./issuer-and-serial.js";
import { pkijsWithEngine } from "./pkijs-engine.js";
import { OID } from "./protocol.js";
import { unwrapContentKey, wrapContentKey } from "./rsa-key-transport.js";

/**
 * SCEP's pkcsPKIEnvelope: a ContentInfo holding an EnvelopedData with one RSA key-transport
 * recipient. Encryption runs in node:crypto, since WebCrypto has neither PKCS#1 v1.5 encryption nor
 * DES-EDE3; pkijs only reads and writes the structure.
 */
export function encryptEnvelope(
  content: Uint8Array,
  recipientDer: Uint8Array,
  cipher: ContentCipher,
): Uint8Array {
  const pkijs = pkijsWithEngine();
  const recipient = pkijs.Certificate.fromBER(bytes(recipientDer));
  const publicKey = createPublicKey({
    key: Buffer.from(recipient.subjectPublicKeyInfo.toSchema().toBER()),
    format: "der",
    type: "spki",
  });
  const contentKey = randomBytes(cipher.keyLength);
  const iv = randomBytes(cipher.ivLength);
  const encipher = createCipheriv(cipher.name, contentKey, iv);
  const encrypted = Buffer.concat([encipher.update(content), encipher.final()]);
  const keyTransport = new pkijs.KeyTransRecipientInfo({
    version: 0,
    rid: new pkijs.IssuerAndSerialNumber({ issuer: recipient.issuer, serialNumber: recipient.serialNumber }),
    keyEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.rsaEncryption,
      algorithmParams: new asn1js.Null(),
    }),
    encryptedKey: octets(wrapContentKey(publicKey, contentKey)),
  });
  const enveloped = new pkijs.EnvelopedData({
    version: 0,
    recipientInfos: [new pkijs.RecipientInfo({ variant: 1, value: keyTransport })],
    encryptedContentInfo: new pkijs.EncryptedContentInfo({
      contentType: OID.data,
      contentEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: cipher.oid,
        algorithmParams: octets(iv),
      }),
      encryptedContent: octets(encrypted),
      // pkijs would otherwise cut the content into a constructed (BER) string some clients reject.
      disableSplit: true,
    }),
  });
  const info = new pkijs.ContentInfo({ contentType: OID.envelopedData, content: enveloped.toSchema() });
  return bytes(info.toSchema().toBER());
}

export interface EnvelopeRecipient {
  certificate: Pkijs.Certificate;
  privateKey: KeyObject;
}

/**
 * Decrypts an envelope addressed to `recipient`. A structure that cannot be read, a missing
 * recipient or an unknown algorithm throws with a reason; a wrong key or corrupt content throws
 * the same "could not be decrypted" error whatever went wrong inside.
 */
export function decryptEnvelope(
  der: Uint8Array,
  recipient: EnvelopeRecipient,
): { content: Uint8Array; cipher: ContentCipher } {
  const pkijs = pkijsWithEngine();
  const info = parseWith(pkijs.ContentInfo, der, "encrypted part of the message");
  if (info.contentType !== OID.envelopedData)
    throw unreadable("The encrypted part of the message is not a CMS EnvelopedData.");
  let enveloped: Pkijs.EnvelopedData;
  try {
    enveloped = new pkijs.EnvelopedData({ schema: info.content });
  } catch (cause) {
    throw unreadable("The encrypted part of the message is not a well-formed EnvelopedData.", cause);
  }
  const keyTransport = enveloped.recipientInfos
    .filter((info) => info.variant === 1)
    .map((info) => info.value as Pkijs.KeyTransRecipientInfo)
    .find((info) => namesCertificate(info.rid, recipient.certificate));
  if (!keyTransport)
    throw unreadable(
      "The message is not encrypted to this server's RA certificate (fetch it with GetCACert).",
    );
  if (keyTransport.keyEncryptionAlgorithm.algorithmId !== OID.rsaEncryption)
    throw unreadable(
      `The content key is wrapped with ${keyTransport.keyEncryptionAlgorithm.algorithmId}; use RSA PKCS#1 v1.5 (rsaEncryption).`,
    );
  const algorithm = enveloped.encryptedContentInfo.contentEncryptionAlgorithm;
  const cipher = cipherByOid(algorithm.algorithmId);
  if (!cipher)
    throw unreadable(
      `The content is encrypted with ${algorithm.algorithmId}; use AES-128-CBC, AES-256-CBC or DES-EDE3-CBC.`,
    );
  const iv =
    algorithm.algorithmParams instanceof asn1js.OctetString
      ? bytes(algorithm.algorithmParams.getValue())
      : undefined;
  const encrypted = enveloped.encryptedContentInfo.encryptedContent;
  if (!iv || iv.length !== cipher.ivLength || !encrypted)
    throw unreadable("The encrypted content or its initialisation vector is missing.");
  const contentKey = unwrapContentKey(
    recipient.privateKey,
    bytes(keyTransport.encryptedKey.getValue()),
    cipher.keyLength,
  );
  try {
    const decipher = createDecipheriv(cipher.name, contentKey, iv);
    const content = Buffer.concat([decipher.update(implicitOctets(encrypted)), decipher.final()]);
    return { content: bytes(content), cipher };
  } catch (cause) {
    throw unreadable("The message's envelope could not be decrypted with this server's RA key.", cause);
  }
}

/**
 * encryptedContent is [0] IMPLICIT OCTET STRING, which pkijs leaves as a bare tagged block: its bytes
 * are read directly, or joined from its segments when a BER encoder sent it constructed.
 */
function implicitOctets(block: asn1js.BaseBlock): Uint8Array {
  if (!block.idBlock.isConstructed)
    return bytes((block.valueBlock as unknown as { valueHexView: Uint8Array }).valueHexView);
  const segments = (block.valueBlock as unknown as { value: asn1js.BaseBlock[] }).value;
  return Buffer.concat(segments.map((segment) => implicitOctets(segment)));
}
