import type { AppleEnrollment, Core, Device } from "@meridian/core";
import { appleCommandFor, encodeCommand } from "@meridian/apple-mdm";

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
    const apple = appleCommandFor(command.type, command.payload, platform, {
      ...(unlockToken ? { unlockToken: Buffer.from(unlockToken, "base64") } : {}),
      ...(profilePayload ? { profilePayload } : {}),
    });
    if (apple.ok) return encodeCommand(command.id, apple.value);
    await core.commands.report(tenantId, device.id, command.id, {
      status: "error",
      error: { code: apple.error.code, message: apple.error.message },
    });
  }
}
