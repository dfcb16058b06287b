import { constants, privateDecrypt, publicEncrypt, randomBytes, type KeyObject } from "node:crypto";

/** RSAES-PKCS1-v1_5 key transport, as SCEP clients use it for the content-encryption key. */
export function wrapContentKey(publicKey: KeyObject, contentKey: Uint8Array): Uint8Array {
  return publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, contentKey);
}

/**
 * Unwraps a PKCS#1 v1.5 encrypted key. Node refuses PKCS#1 v1.5 private decryption (the Marvin
 * attack), but SCEP requires it, so the padding is removed here after a raw RSA operation. As RFC
 * 3218 advises, a bad padding yields a random key instead of an error: the content then fails to
 * decrypt like any other corrupt message, so the reply says nothing about the padding. The checks
 * avoid branching on secret bytes as far as JavaScript allows.
 */
export function unwrapContentKey(privateKey: KeyObject, encryptedKey: Uint8Array, keyLength: number): Buffer {
  const fallback = randomBytes(keyLength);
  let block: Buffer;
  try {
    block = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, encryptedKey);
  } catch {
    // Only a wrong length or a value above the modulus gets here, both visible without the key.
    return fallback;
  }
  // EM = 0x00 || 0x02 || at least 8 non-zero padding bytes || 0x00 || key
  let separator = 0;
  let searching = 1;
  for (let i = 2; i < block.length; i++) {
    const isZero = ((block[i]! - 1) >>> 31) & 1;
    separator |= i * (isZero & searching);
    searching &= isZero ^ 1;
  }
  const headerOk = ((block[0]! | (block[1]! ^ 2)) - 1) >>> 31;
  const paddingOk = ((9 - separator) >>> 31) & 1;
  const lengthOk = ((block.length - separator - 1) ^ keyLength) === 0 ? 1 : 0;
  const valid = headerOk & paddingOk & lengthOk & (searching ^ 1);
  const key = Buffer.alloc(keyLength);
  const start = Math.max(0, Math.min(block.length - keyLength, separator + 1));
  for (let i = 0; i < keyLength; i++) {
    const mask = -valid & 0xff;
    key[i] = (block[start + i]! & mask) | (fallback[i]! & ~mask & 0xff);
  }
  return key;
}
