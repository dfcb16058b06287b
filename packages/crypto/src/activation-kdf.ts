import argon2 from "argon2";

/**
 * The memory-hard function both the server and the device run on an activation password before the
 * SPAKE2+ exchange: argon2id, 19 MiB, 2 passes, 1 lane (OWASP's minimum), 80 bytes of output (two
 * 40-byte halves become w0 and w1). Devices learn these parameters when they start an activation.
 */
export const ACTIVATION_KDF = {
  algorithm: "argon2id",
  memoryKiB: 19_456,
  passes: 2,
  parallelism: 1,
  outputBytes: 80,
} as const;

export async function deriveActivationScalars(password: string, salt: Uint8Array): Promise<Uint8Array> {
  const output = await argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: ACTIVATION_KDF.memoryKiB,
    timeCost: ACTIVATION_KDF.passes,
    parallelism: ACTIVATION_KDF.parallelism,
    hashLength: ACTIVATION_KDF.outputBytes,
    salt: Buffer.from(salt),
    raw: true,
  });
  return new Uint8Array(output);
}
