import type { Command } from "commander";
import QRCode from "qrcode";
import { durationInMinutes, positiveInteger } from "../arguments.js";
import { UsageError, connect, withConnectionOptions, type ConnectionOptions } from "../connection.js";
import { printable } from "../printable.js";
import { findUserByEmail } from "../users.js";

interface CreateOptions extends ConnectionOptions {
  user: string;
  expires?: number;
  multiUse?: boolean;
  deviceLimit?: number;
  length?: number;
}

interface IssuedActivation {
  id: string;
  password: string;
  qrPayload: string;
  expiresAt: number;
  activation: { maxUses: number | null; deviceLimit: number; platforms: string[] };
}

/** The server's own bounds (also for --length and --device-limit), checked here so the message names the flag rather than the API field. */
const MAX_EXPIRY_MINUTES = 43_200;

export function registerActivationsCreate(activations: Command): void {
  withConnectionOptions(
    activations
      .command("create")
      .description("Create an activation password that lets a user enrol devices; prints it with a QR code")
      .requiredOption("--user <email>", "the user's email address")
      .option(
        "--expires <duration>",
        "how long it stays valid: 30m, 48h, 7d (default 48h, at most 30d)",
        durationInMinutes,
      )
      .option("--multi-use", "allow several enrolments with the same password (default: single use)")
      .option("--device-limit <n>", "devices it may enrol (default 5)", positiveInteger)
      .option("--length <n>", "password length, 6 to 64 (default 10)", positiveInteger),
  ).action(async (options: CreateOptions) => {
    if (options.expires !== undefined && options.expires > MAX_EXPIRY_MINUTES)
      throw new UsageError("--expires can be at most 30d.");
    if (options.length !== undefined && (options.length < 6 || options.length > 64))
      throw new UsageError("--length must be from 6 to 64.");
    if (options.deviceLimit !== undefined && options.deviceLimit > 100)
      throw new UsageError("--device-limit can be at most 100.");
    const api = await connect(options);
    const user = await findUserByEmail(api, options.user);
    if (!user)
      throw new UsageError(
        `No user has the email ${options.user}; create it with meridian users create --email ${options.user}.`,
      );
    const issued = await api.post<IssuedActivation>(`/api/v1/users/${user.id}/activations`, {
      expiresInMinutes: options.expires,
      singleUse: options.multiUse ? false : undefined,
      deviceLimit: options.deviceLimit,
      passwordLength: options.length,
    });
    const qr = await QRCode.toString(issued.qrPayload, { type: "terminal", small: true });
    const uses =
      issued.activation.maxUses === 1
        ? "single use"
        : issued.activation.maxUses === null
          ? "reusable"
          : `${issued.activation.maxUses} uses`;
    process.stdout.write(
      [
        printable(`Activation for ${user.email} (${user.displayName})`),
        `  Password  ${issued.password}`,
        `  Expires   ${new Date(issued.expiresAt).toLocaleString()}`,
        `  Allows    ${uses}, up to ${issued.activation.deviceLimit} device(s): ${issued.activation.platforms.join(", ")}`,
        "The password is shown only now. The user types it on the device, or scans this code:",
        "",
        qr.trimEnd(),
        "",
      ].join("\n"),
    );
  });
}
