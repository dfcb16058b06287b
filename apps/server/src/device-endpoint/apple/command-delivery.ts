import { isMeridianError, type AppleEnrollment, type Core, type Device } from "@meridian/core";
import { appleCommandFor, encodeCommand } from "@meridian/apple-mdm";

/** Makes what some commands carry only at delivery, for the device being served. */
export interface AppleDeliveryRenderers {
  /** renew_identity: a signed enrollment profile with a fresh one-time SCEP challenge. */
  renewalProfile(): Promise<Uint8Array>;
}

/**
 * The device's next command as Apple's plist, its CommandUUID being the Meridian command's id. A
 * command that cannot be carried out on this device (its profile deleted since, no unlock token)
 * fails visibly and the next one is taken, so one bad command never blocks the queue.
 */
export async function nextAppleCommand(
  core: Core,
  tenantId: string,
  device: Device,
  enrollment: AppleEnrollment,
  render: AppleDeliveryRenderers,
): Promise<Buffer | undefined> {
  const platform = device.platform === "macos" ? "macos" : "ios";
  for (;;) {
    const command = await core.commands.next(tenantId, device.id, { resendUnanswered: true });
    if (!command) return undefined;
    const unlockToken =
      command.type === "reset_password" ? core.appleEnrollments.openUnlockToken(enrollment) : null;
    const profilePayload =
      command.type === "install_profile"
        ? await core.profiles.payloadFor(tenantId, String(command.payload.profileId))
        : undefined;
    let enrollmentProfile: Uint8Array | undefined;
    try {
      // Made afresh at each delivery: a command delivered again carries a new challenge.
      if (command.type === "renew_identity") enrollmentProfile = await render.renewalProfile();
    } catch (error) {
      if (!isMeridianError(error)) throw error;
      await core.commands.report(tenantId, device.id, command.id, {
        status: "error",
        error: { code: error.code, message: error.message },
      });
      continue;
    }
    const apple = appleCommandFor(command.type, command.payload, platform, {
      ...(unlockToken ? { unlockToken: Buffer.from(unlockToken, "base64") } : {}),
      ...(profilePayload ? { profilePayload } : {}),
      ...(enrollmentProfile ? { enrollmentProfile } : {}),
    });
    if (apple.ok) return encodeCommand(command.id, apple.value);
    await core.commands.report(tenantId, device.id, command.id, {
      status: "error",
      error: { code: apple.error.code, message: apple.error.message },
    });
  }
}
