import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { MeridianError, isMeridianError, type Core } from "@meridian/core";
import { AppleMdmError, parseCheckin, parseReport, type Result } from "@meridian/apple-mdm";
import { sendProblem } from "../../plugins/problems.js";
import { tlsSocketOf } from "../tls-socket.js";
import type { TenantPki } from "../tenant-pki.js";
import { answerCheckin, type MdmAnswer } from "./checkin.js";
import { noteContact } from "../last-contact.js";
import { nextAppleCommand } from "./command-delivery.js";
import { recordAppleAnswer } from "./command-results.js";
import type { AppleDeviceIdentities } from "./device-identity.js";
import type { AppleEnrollmentProfiles } from "./enrollment.js";
import { enrollmentPage, platformFromUserAgent } from "./enrollment-page.js";
import type { ScepEndpoints } from "./scep-endpoint.js";

export interface AppleMdmRouteOptions {
  core: Core;
  pki: TenantPki;
  identities: AppleDeviceIdentities;
  profiles: AppleEnrollmentProfiles;
  scep: ScepEndpoints;
}

/** The largest check-in or report taken: an InstalledApplicationList of a full Mac fits easily. */
const MAX_MDM_BODY = 4 * 1024 * 1024;

/** Errors as an Apple device can take them: malformed input is 400, anything refused is 403, never 401. */
function forDevice(error: unknown): unknown {
  if (error instanceof AppleMdmError) return new MeridianError("invalid", error.code, error.message);
  if (isMeridianError(error) && error.kind === "unauthenticated")
    return new MeridianError("forbidden", error.code, error.message);
  return error;
}

const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw result.error;
  return result.value;
};

function send(reply: FastifyReply, answer: MdmAnswer): FastifyReply {
  if (answer.contentType) reply.type(answer.contentType);
  return reply.status(answer.status).send(answer.body ?? "");
}

const bodyOf = (request: FastifyRequest): Buffer =>
  Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);

/**
 * Apple's device protocols on the tenant's device host: the enrollment page, SCEP, check-in and the
 * command endpoint. Bodies are plists (or forms, or SCEP messages), read as bytes here and decoded
 * with bounds by the protocol package.
 */
export function appleMdmRoutes(app: FastifyInstance, options: AppleMdmRouteOptions): void {
  const { core, identities } = options;

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: MAX_MDM_BODY }, (_request, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((error, request, reply) => {
      const refusal = forDevice(error);
      // Malformed input is a plain 400 here: Apple's clients know nothing of 422.
      if (isMeridianError(refusal) && refusal.kind === "invalid")
        return sendProblem(request, reply, 400, refusal.code, refusal.message);
      throw refusal;
    });

    scope.get("/enroll", async (request, reply) =>
      reply.type("text/html; charset=utf-8").send(
        enrollmentPage({
          organization: request.deviceTenant!.name,
          platform: platformFromUserAgent(request.headers["user-agent"]),
        }),
      ),
    );

    scope.post("/enroll", async (request, reply) => {
      const form = new URLSearchParams(bodyOf(request).toString("utf8"));
      const address = (form.get("address") ?? "").trim().slice(0, 254);
      const password = (form.get("password") ?? "").slice(0, 64);
      const platform = form.get("platform") === "macos" ? "macos" : "ios";
      const tenant = request.deviceTenant!;
      if (!address || !password)
        return reply
          .status(400)
          .type("text/html; charset=utf-8")
          .send(
            enrollmentPage({
              organization: tenant.name,
              address,
              platform,
              error: "Enter your email address and activation password.",
            }),
          );
      const answer = await options.profiles.answer({
        tenant,
        host: tlsSocketOf(request).servername as string,
        address,
        password,
        platform,
      });
      if (answer.kind === "page")
        return reply.status(answer.status).type("text/html; charset=utf-8").send(answer.html);
      return reply
        .type("application/x-apple-aspen-config")
        .header("content-disposition", 'attachment; filename="enroll.mobileconfig"')
        .send(Buffer.from(answer.body));
    });

    const scep = async (request: FastifyRequest, reply: FastifyReply) => {
      const query = request.query as Record<string, string | undefined>;
      const server = await options.scep.serverFor(request.deviceTenant!.id);
      const answer = await server.handle(
        request.method === "POST"
          ? { method: "POST", operation: query.operation ?? "", message: bodyOf(request) }
          : {
              method: "GET",
              operation: query.operation ?? "",
              ...(query.message ? { message: query.message } : {}),
            },
      );
      return reply
        .status(answer.status)
        .type(answer.contentType)
        .send(typeof answer.body === "string" ? answer.body : Buffer.from(answer.body));
    };
    scope.get("/mdm/scep", scep);
    scope.post("/mdm/scep", scep);

    scope.put("/mdm/checkin", async (request, reply) => {
      const tenantId = request.deviceTenant!.id;
      const body = bodyOf(request);
      const serial = await identities.serialOf(tenantId, request, body);
      // Who is asking is settled before the body is read: a revoked identity is refused whatever it sends.
      const device = await core.appleEnrollments.identifyForCheckin(tenantId, serial);
      const message = valueOf(parseCheckin(body));
      return send(reply, await answerCheckin(core, tenantId, device, message));
    });

    scope.put("/mdm/connect", async (request, reply) => {
      const tenantId = request.deviceTenant!.id;
      const body = bodyOf(request);
      const serial = await identities.serialOf(tenantId, request, body);
      const report = valueOf(parseReport(body));
      const udid = report.enrollment.udid;
      // User channels are not offered; one a Mac opened anyway gets no commands.
      if (!udid || report.enrollment.userId !== undefined) {
        await core.appleEnrollments.identifyForCheckin(tenantId, serial);
        return reply.status(200).send("");
      }
      const { device, enrollment } = await core.appleEnrollments.commandSession(tenantId, serial, udid);
      await noteContact(core, tenantId, device);
      if (report.status !== "Idle") {
        const command = await core.commands.ofDevice(tenantId, device.id, report.commandUuid);
        if (command) await recordAppleAnswer(core, tenantId, device.id, command, report);
        else
          request.log.warn(
            { deviceId: device.id, commandUuid: report.commandUuid },
            "an answer to a command this device does not have",
          );
      }
      const tenant = request.deviceTenant!;
      const next = await nextAppleCommand(core, tenantId, device, enrollment, {
        renewalProfile: () =>
          options.profiles.renewalProfile(
            tenant,
            tlsSocketOf(request).servername as string,
            device,
            enrollment,
          ),
      });
      if (!next) return reply.status(200).send("");
      return reply.type("application/xml; charset=utf-8").send(next);
    });
  });
}
