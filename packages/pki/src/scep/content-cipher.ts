/**
 * Content-encryption algorithms for SCEP envelopes. AES-CBC is what RFC 8894 asks for; DES-EDE3-CBC
 * is still what many deployed clients send, so it is read and answered too.
 */
export interface ContentCipher {
  /** Node's cipher name. */
  name: "aes-128-cbc" | "aes-192-cbc" | "aes-256-cbc" | "des-ede3-cbc";
  oid: string;
  keyLength: number;
  ivLength: number;
}

const CIPHERS: readonly ContentCipher[] = [
  { name: "aes-128-cbc", oid: "2.16.840.1.101.3.4.1.2", keyLength: 16, ivLength: 16 },
  { name: "aes-192-cbc", oid: "2.16.840.1.101.3.4.1.22", keyLength: 24, ivLength: 16 },
  { name: "aes-256-cbc", oid: "2.16.840.1.101.3.4.1.42", keyLength: 32, ivLength: 16 },
  { name: "des-ede3-cbc", oid: "1.2.840.113549.3.7", keyLength: 24, ivLength: 8 },
];

export const cipherByOid = (oid: string) => CIPHERS.find((cipher) => cipher.oid === oid);
export const cipherByName = (name: ContentCipher["name"]) => CIPHERS.find((cipher) => cipher.name === name)!;
