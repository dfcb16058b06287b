import { createHmac, timingSafeEqual } from "node:crypto";
import { MAX_FAILED_ATTEMPTS, MeridianError, unauthenticated } from "@meridian/core";
import { ACTIVATION_KDF } from "@meridian/crypto";
import { activationContext, createVerifierSession, isPakeError } from "@meridian/pake";
import { PkiError } from "@meridian/pki";
import {
  AGENT_PATHS,
  ActivationAbort,
  ActivationExchange,
  ActivationExchanged,
  ActivationFinish,
  ActivationFinished,
  ActivationStart,
  ActivationStarted,
} from "@meridian/protocol";
import { parseVerifier } from "../../activation/activation-secrets.js";
import type { ActivationSessions } from "../activation-sessions.js";
import type { AgentAppOptions } from "../agent-app.js";
import type { TypedApp } from "../../routes/typed-app.js";
import { tlsSocketOf } from "../agent-app.js";

const DEVICE_CERTIFICATE_DAYS = 365;

const sessionGone = () =>
  new MeridianError(
    "not_found",
    "activation_session_unknown",
    "This activation exchange is unknown or expired (two minutes); start the activation again.",
  );

const exchangeFailed = () =>
  unauthenticated(
    "activation_failed",
    "The activation exchange failed: the password is wrong, or the device did not reach the server the relay named.",
  );

/**
 * Activation in three requests: start (which activation, with the salt for the password's keys),
 * exchange (SPAKE2+ shares; the server proves it knows the verifier), finish (the device proves it
 * knows the password, and sends its certificate request authenticated with the shared key).
 */
export function activationRoutes(
  app: TypedApp,
  options: AgentAppOptions & { sessions: ActivationSessions },
): void {
  const { core, pki, sessions } = options;

  app.post(AGENT_PATHS.activationAbort, { schema: { body: ActivationAbort } }, async (request, reply) => {
    // A device that found the server's proof wrong says so, and the try counts at once.
    const pending = sessions.get(request.body.session);
    if (pending && pending.tenantId === request.deviceTenant!.id) sessions.fail(request.body.session);
    return reply.status(204).send();
  });

  app.post(
    AGENT_PATHS.activationStart,
    { schema: { body: ActivationStart, response: { 200: ActivationStarted } } },
    async (request) => {
      const tenant = request.deviceTenant!;
      const host = tlsSocketOf(request).servername as string;
      const attempt = await core.activations.beginAttempt(
        tenant.id,
        request.body.address,
        request.body.platform,
      );
      // Each open exchange may be a guess: never more open at once than the tries the activation has left.
      if (
        sessions.openFor(attempt.activation.id) >=
        MAX_FAILED_ATTEMPTS - attempt.activation.failedAttempts
      ) {
        throw new MeridianError(
          "rate_limited",
          "activation_busy",
          "Other devices are activating with this password right now; try again in a few seconds.",
          { retryAfterSeconds: 5 },
        );
      }
      const ca = await pki.authority(tenant.id);
      const exchange = createVerifierSession({
        record: parseVerifier(attempt.verifier),
        context: activationContext({ caFingerprint: ca.fingerprint, activationId: attempt.activation.id }),
        idProver: attempt.user.email,
        idVerifier: host,
      });
      const session = sessions.open({
        tenantId: tenant.id,
        activationId: attempt.activation.id,
        platform: request.body.platform,
        host,
        exchange,
      });
      return {
        session,
        activationId: attempt.activation.id,
        salt: parseVerifier(attempt.verifier).salt,
        kdf: {
          algorithm: "argon2id" as const,
          memoryKiB: ACTIVATION_KDF.memoryKiB,
          passes: ACTIVATION_KDF.passes,
          parallelism: ACTIVATION_KDF.parallelism,
        },
        serverHost: host,
      };
    },
  );

  app.post(
    AGENT_PATHS.activationExchange,
    { schema: { body: ActivationExchange, response: { 200: ActivationExchanged } } },
    async (request) => {
      const pending = sessions.get(request.body.session);
      if (!pending || pending.tenantId !== request.deviceTenant!.id) throw sessionGone();
      try {
        return pending.exchange.respond(request.body.shareP);
      } catch (error) {
        sessions.fail(request.body.session);
        if (isPakeError(error))
          throw new MeridianError("invalid", "activation_message_invalid", error.message);
        throw error;
      }
    },
  );

  app.post(
    AGENT_PATHS.activationFinish,
    { schema: { body: ActivationFinish, response: { 200: ActivationFinished } } },
    async (request) => {
      const pending = sessions.get(request.body.session);
      if (!pending || pending.tenantId !== request.deviceTenant!.id) throw sessionGone();
      let sharedKey: Uint8Array;
      try {
        sharedKey = pending.exchange.verify(request.body.confirmP);
      } catch (error) {
        sessions.fail(request.body.session);
        if (isPakeError(error)) throw exchangeFailed();
        throw error;
      }
      const mac = createHmac("sha256", sharedKey).update(request.body.csr, "utf8").digest();
      const sent = Buffer.from(request.body.csrMac, "base64url");
      if (sent.length !== mac.length || !timingSafeEqual(sent, mac)) {
        sessions.fail(request.body.session);
        throw exchangeFailed();
      }
      // The password is proven; what follows may still be refused (a bad CSR, the device limit), but it is not a guess.
      sessions.succeed(request.body.session);

      const ca = await pki.authority(pending.tenantId);
      const { device: description } = request.body;
      let certificatePem = "";
      const device = await core.activations.completeAttempt(
        pending.tenantId,
        pending.activationId,
        { ...description, platform: pending.platform },
        async (deviceId) => {
          try {
            const issued = await ca.issueFromCsr(request.body.csr, {
              usage: "client",
              validityDays: DEVICE_CERTIFICATE_DAYS,
              subject: { commonName: deviceId, organizationalUnit: "Meridian device" },
            });
            certificatePem = issued.certificatePem;
            return { serialNumber: issued.serialNumber, notAfter: issued.notAfter.getTime() };
          } catch (error) {
            if (error instanceof PkiError)
              throw new MeridianError(
                "invalid",
                `csr_${error.code}`,
                `The certificate request was refused: ${error.message}`,
              );
            throw error;
          }
        },
      );
      options.onDeviceActivated?.(pending.tenantId);
      return {
        deviceId: device.id,
        certificate: certificatePem,
        caCertificate: ca.certificatePem,
        serverHost: pending.host,
      };
    },
  );
}
