import { timingSafeEqual } from "node:crypto";
import {
  type ActivationRecord,
  decodeSalt,
  type DeriveScalars,
  derivePasswordScalars,
  parseActivationRecord,
} from "./activation-record.js";
import { decodeBase64url, encodeBase64url } from "./base64url.js";
import type { Parties } from "./key-schedule.js";
import { randomScalar, SHARE_BYTES } from "./p256-group.js";
import { PakeError } from "./pake-error.js";
import { proverFinish, proverShare, verifierFinish } from "./spake2plus.js";

/**
 * Meridian's activation on top of SPAKE2+: the device (prover) and the server (verifier) prove to
 * each other that they know the activation password, over the TLS connection the device pinned to
 * the CA fingerprint the relay gave it. The fingerprint is in the transcript's context, so a relay
 * that handed out its own CA (and terminated TLS itself) cannot complete either side's proof.
 *
 *   device → server  shareP
 *   server → device  shareV, confirmV   (the device checks confirmV: the server knows the password)
 *   device → server  confirmP           (the server checks confirmP: the device knows the password)
 *
 * Both sides end with the same 32-byte shared key. Every message is unpadded base64url.
 */

const CONTEXT_VERSION = "meridian-activation-v1";
const MAX_FIELD_BYTES = 1024;
const CONFIRMATION_BYTES = 32;

/**
 * The context both sides bind into the transcript:
 * `meridian-activation-v1 ca-sha256=<64 lower-case hex digits> activation=<activation id>`.
 * The fingerprint may be given in either case and with colons.
 */
export function activationContext(input: { caFingerprint: string; activationId: string }): string {
  const fingerprint = String(input.caFingerprint).replace(/:/g, "").toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(fingerprint))
    throw new PakeError("invalid_input", "The CA fingerprint must be a SHA-256 digest: 64 hex digits.");
  if (typeof input.activationId !== "string" || !/^[\x21-\x7e]{1,200}$/.test(input.activationId))
    throw new PakeError("invalid_input", "The activation id must be 1 to 200 printable ASCII characters.");
  return `${CONTEXT_VERSION} ca-sha256=${fingerprint} activation=${input.activationId}`;
}

/**
 * Who takes part: `context` from activationContext, `idProver` the user's email address and
 * `idVerifier` the server's host name. Both identities are lower-cased here, so either side may
 * pass them as typed.
 */
export interface ExchangeParties {
  context: string;
  idProver: string;
  idVerifier: string;
}

export interface ProverSession {
  /** The first message, to send to the server. */
  readonly shareP: string;
  /**
   * Checks the server's reply and returns the device's confirmation to send back, with the shared
   * key. Throws a PakeError, "confirmation_failed" for a wrong password or a server that is not the
   * one pinned; the session is used up either way.
   */
  finish(shareV: string, confirmV: string): { confirmP: string; sharedKey: Uint8Array };
}

export interface VerifierSession {
  /**
   * Answers the device's share. Count a failed attempt against the activation here, before
   * replying, and take it back only when verify succeeds: a device with the wrong password stops at
   * confirmV and never sends confirmP, and whoever sends a shareP may test one password against
   * confirmV offline.
   */
  respond(shareP: string): { shareV: string; confirmV: string };
  /** Checks the device's confirmation and returns the shared key, or throws a PakeError. */
  verify(confirmP: string): Uint8Array;
}

/** The device's side. It derives w0 and w1 from the password first, which is the slow part. */
export async function createProverSession(
  options: ExchangeParties & { password: string; salt: string; deriveScalars: DeriveScalars },
): Promise<ProverSession> {
  const parties = encodeParties(options);
  const secrets = await derivePasswordScalars(
    options.password,
    decodeSalt(options.salt),
    options.deriveScalars,
  );
  const x = randomScalar();
  const shareP = proverShare(secrets.w0, x);
  let used = false;
  return {
    shareP: encodeBase64url(shareP),
    finish(shareV, confirmV) {
      if (used) throw new PakeError("session_state", "This activation exchange has already finished.");
      used = true;
      const shareVBytes = decodeBase64url(shareV, "shareV", SHARE_BYTES);
      const confirmVBytes = decodeConfirmation(confirmV, "confirmV");
      const schedule = proverFinish({ parties, secrets, x, shareP, shareV: shareVBytes });
      if (!macEquals(schedule.confirmV, confirmVBytes)) {
        throw new PakeError(
          "confirmation_failed",
          "The server could not prove it knows this activation password: the password is wrong, or the server is not the one the relay named.",
        );
      }
      return { confirmP: encodeBase64url(schedule.confirmP), sharedKey: schedule.kShared };
    },
  };
}

/** The server's side, from the stored record. One session per attempt; each step runs once. */
export function createVerifierSession(
  options: ExchangeParties & { record: ActivationRecord },
): VerifierSession {
  const parties = encodeParties(options);
  const { w0, L } = parseActivationRecord(options.record);
  let state: "awaiting_share" | "awaiting_confirmation" | "closed" = "awaiting_share";
  let expected: { confirmP: Uint8Array; sharedKey: Uint8Array } | undefined;
  return {
    respond(shareP) {
      if (state !== "awaiting_share")
        throw new PakeError("session_state", "This activation exchange has already received a share.");
      state = "closed";
      const result = verifierFinish({
        parties,
        w0,
        L,
        y: randomScalar(),
        shareP: decodeBase64url(shareP, "shareP", SHARE_BYTES),
      });
      expected = { confirmP: result.confirmP, sharedKey: result.kShared };
      state = "awaiting_confirmation";
      return { shareV: encodeBase64url(result.shareV), confirmV: encodeBase64url(result.confirmV) };
    },
    verify(confirmP) {
      const pending = expected;
      if (state !== "awaiting_confirmation" || !pending)
        throw new PakeError("session_state", "This activation exchange is not waiting for a confirmation.");
      state = "closed";
      expected = undefined;
      if (!macEquals(pending.confirmP, decodeConfirmation(confirmP, "confirmP"))) {
        throw new PakeError(
          "confirmation_failed",
          "The device could not prove it knows this activation password.",
        );
      }
      return pending.sharedKey;
    },
  };
}

function encodeParties(input: ExchangeParties): Parties {
  return {
    context: encodeField(input.context, "context"),
    idProver: encodeField(
      typeof input.idProver === "string" ? input.idProver.toLowerCase() : undefined,
      "idProver",
    ),
    idVerifier: encodeField(
      typeof input.idVerifier === "string" ? input.idVerifier.toLowerCase() : undefined,
      "idVerifier",
    ),
  };
}

function encodeField(value: unknown, what: string): Uint8Array {
  // A lone surrogate would be encoded as U+FFFD, so two different strings would bind the same bytes.
  const bytes =
    typeof value === "string" && !/\p{Cs}/u.test(value) ? new TextEncoder().encode(value) : undefined;
  if (!bytes || bytes.length === 0 || bytes.length > MAX_FIELD_BYTES)
    throw new PakeError("invalid_input", `${what} must be a string of 1 to ${MAX_FIELD_BYTES} UTF-8 bytes.`);
  return bytes;
}

function decodeConfirmation(value: unknown, what: string): Uint8Array {
  const bytes = decodeBase64url(value, what, CONFIRMATION_BYTES);
  if (bytes.length !== CONFIRMATION_BYTES)
    throw new PakeError("malformed_message", `${what} must be ${CONFIRMATION_BYTES} bytes.`);
  return bytes;
}

function macEquals(expected: Uint8Array, received: Uint8Array): boolean {
  return expected.length === received.length && timingSafeEqual(expected, received);
}
