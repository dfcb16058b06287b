/** The cryptography the domain needs, kept behind a port so that core stays free of native bindings. */
export interface Crypto {
  hashPassword(password: string): Promise<string>;
  verifyPassword(hash: string, password: string): Promise<boolean>;
  /** A URL-safe random token with `bytes` bytes of entropy. */
  randomToken(bytes: number): string;
  /** A password of `length` characters drawn uniformly from `alphabet`. */
  randomPassword(length: number, alphabet: string): string;
  /** Hex SHA-256; for looking up high-entropy tokens, never for passwords. */
  sha256(text: string): string;
}

/** Authenticated encryption of secrets at rest. */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}
