import type { Core, Device } from "@meridian/core";
import { encodePlist, type CheckinMessage } from "@meridian/apple-mdm";
import { MeridianError, systemActor } from "@meridian/core";
import { declarativeManagement } from "./declarative-management.js";

export interface MdmAnswer {
  status: number;
  body?: Buffer | string;
  contentType?: string;
}

const OK: MdmAnswer = { status: 200 };

/** What a newly enrolled device is asked first, so the console shows it complete within seconds. */
const FIRST_INVENTORY = ["device", "security", "apps"] as const;

const deviceIdOf = (message: CheckinMessage) => {
  const udid = message.enrollment.udid;
  if (!udid)
    throw new MeridianError(
      "invalid",
      "user_enrollment_unsupported",
      "User Enrollment (EnrollmentID without a UDID) is not supported by this server; enrol the device itself.",
    );
  return udid;
};

/**
 * Apple's check-in messages, turned into the domain's calls. Messages on a user channel are
 * answered without effect: the enrollment profile offers no user channels, so only a Mac that had
 * one from an earlier server would send them.
 */
export async function answerCheckin(
  core: Core,
  tenantId: string,
  device: Device,
  message: CheckinMessage,
): Promise<MdmAnswer> {
  if (message.messageType === "UserAuthenticate")
    // 410: this server declines user channels, and the Mac stops asking.
    return { status: 410 };
  if (message.enrollment.userId !== undefined) return OK;
  const udid = deviceIdOf(message);
  const enrollments = core.appleEnrollments;
  switch (message.messageType) {
    case "Authenticate":
      await enrollments.authenticate(tenantId, device, {
        udid,
        topic: message.topic,
        serialNumber: message.serialNumber,
        model: message.model,
        productName: message.productName,
        osVersion: message.osVersion,
        deviceName: message.deviceName,
        imei: message.imei,
      });
      return OK;
    case "TokenUpdate": {
      const { first } = await enrollments.tokenUpdate(tenantId, device, {
        udid,
        topic: message.topic,
        token: message.token.toString("hex"),
        pushMagic: message.pushMagic,
        unlockToken: message.unlockToken?.toString("base64"),
        awaitingConfiguration: message.awaitingConfiguration ?? false,
      });
      if (first) {
        const enrolment = systemActor(tenantId, "Apple MDM enrollment", ["devices:command"]);
        for (const scope of FIRST_INVENTORY)
          await core.commands.send(enrolment, device.id, { type: "request_inventory", payload: { scope } });
      }
      return OK;
    }
    case "CheckOut":
      await enrollments.checkOut(tenantId, device, udid);
      return OK;
    case "SetBootstrapToken":
      await enrollments.setBootstrapToken(
        tenantId,
        device,
        udid,
        message.bootstrapToken?.length ? message.bootstrapToken.toString("base64") : null,
      );
      return OK;
    case "GetBootstrapToken": {
      const token = await enrollments.getBootstrapToken(tenantId, device, udid);
      return {
        status: 200,
        contentType: "application/xml; charset=utf-8",
        body: encodePlist(token ? { BootstrapToken: Buffer.from(token, "base64") } : {}),
      };
    }
    case "DeclarativeManagement":
      await enrollments.activeEnrollment(tenantId, device, udid);
      return declarativeManagement(message.endpoint);
    case "GetToken":
      return {
        status: 400,
        contentType: "text/plain; charset=utf-8",
        body: `This server issues no ${message.tokenServiceType} tokens.`,
      };
  }
}
