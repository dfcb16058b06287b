import { randomBytes, randomUUID, X509Certificate } from "node:crypto";
import type { PlistDict } from "@meridian/apple-mdm";
import type { RelayContact } from "../agent/activate.js";
import type { Endpoint } from "../agent/https-client.js";
import {
  CommandAnswerer,
  errorAnswer,
  type AnswerBehaviour,
  type AnswerStatus,
  type CommandAnswer,
} from "./command-answers.js";
import { AppleDeviceState } from "./device-state.js";
import { downloadEnrollmentProfile, enrolIdentity, type AppleIdentity } from "./enrol.js";
import { readEnrollmentProfile, type InstalledEnrollmentProfile } from "./enrollment-profile.js";
import { fingerprintOf, isEnrollmentProfile } from "./identity-renewal.js";
import { appleHardware, type AppleHardware, type ApplePlatform } from "./hardware.js";
import { MdmClient } from "./mdm-client.js";
import { optionalText } from "./plist-reads.js";
import type { ApplePushListener } from "./push-listener.js";

export interface AppleDeviceOptions extends AnswerBehaviour {
  relay: RelayContact;
  address: string;
  password: string;
  platform: ApplePlatform;
  push: ApplePushListener;
  /** Which device of a fleet this is (models cycle by index); 0 by default. */
  index?: number;
  hardware?: AppleHardware;
  /** Sign the constant Idle body once (load generation); see MdmClient.reportIdleReusingSignature. */
  reuseIdleSignature?: boolean;
  /** Told of each push that woke it, each command carried out, and failures while answering a push. */
  onPush?: () => void;
  onCommand?: (command: ReceivedAppleCommand) => void;
  onError?: (error: unknown) => void;
}

export interface ReceivedAppleCommand {
  commandUuid: string;
  requestType: string;
  status: AnswerStatus;
}

/**
 * A simulated iPhone or Mac, enrolled as a real one is: the enrollment profile downloaded through the
 * relay and checked, the CA it carries trusted, an RSA identity made by SCEP, Authenticate and
 * TokenUpdate signed with it; then, on each push from APNs, it works through its command queue.
 */
export class AppleDevice {
  readonly received: ReceivedAppleCommand[] = [];
  /** Pushes that carried this device's PushMagic. */
  pushes = 0;
  private readonly answerer: CommandAnswerer;
  private readonly stop = new AbortController();
  private polling: Promise<void> | undefined;
  private pollAgain = false;

  private constructor(
    readonly hardware: AppleHardware,
    readonly state: AppleDeviceState,
    /** The enrollment profile installed last: the first one, or the renewal profile that replaced it. */
    public profile: InstalledEnrollmentProfile,
    /** The identity every request is signed with; a renewal profile replaces it. */
    public identity: AppleIdentity,
    readonly token: string,
    readonly pushMagic: string,
    private readonly endpoint: Endpoint,
    private readonly client: MdmClient,
    private readonly options: AppleDeviceOptions,
  ) {
    this.answerer = new CommandAnswerer(state, options);
  }

  static async enrol(options: AppleDeviceOptions): Promise<AppleDevice> {
    const hardware = options.hardware ?? appleHardware(options.platform, options.index ?? 0);
    const { profile, endpoint } = await downloadEnrollmentProfile(options);
    const identity = await enrolIdentity(profile, endpoint);
    const client = new MdmClient(endpoint, profile.caCertificatePem, identity, profile.mdm);
    let device: AppleDevice | undefined;
    try {
      const [token] = await options.push.register(profile.mdm.topic, 1);
      const unlockToken = hardware.platform === "ios" ? randomBytes(256) : undefined;
      const state = new AppleDeviceState(
        hardware,
        {
          ca: Buffer.from(new X509Certificate(profile.caCertificatePem).raw),
          identity: Buffer.from(new X509Certificate(identity.certificatePem).raw),
          caName: commonName(profile.caCertificatePem),
          identityName: commonName(identity.certificatePem),
        },
        unlockToken,
      );
      state.profiles.set(profile.identifier, {
        identifier: profile.identifier,
        uuid: profile.uuid,
        displayName: profile.displayName,
        managed: false,
        payloadTypes: ["com.apple.security.root", "com.apple.security.scep", "com.apple.mdm"],
      });
      device = new AppleDevice(
        hardware,
        state,
        profile,
        identity,
        token!,
        randomUUID().toUpperCase(),
        endpoint,
        client,
        options,
      );
      // Listening before TokenUpdate: the server may push as soon as it has the token.
      const enrolled = device;
      await options.push.listen(
        [device.token],
        (_token, payload) => enrolled.onPush(payload),
        device.stop.signal,
      );
      await device.authenticate();
      await device.tokenUpdate();
      // As a real device does once enrolled: one connection to the server, for what is already queued.
      await device.wake();
      return device;
    } catch (error) {
      // Stops listening too: a device that failed to enrol must not answer pushes.
      if (device) device.close();
      else client.close();
      throw error;
    }
  }

  get udid(): string {
    return this.hardware.udid;
  }

  /** Looks for commands now, as a push would make it; one pass at a time, another if asked meanwhile. */
  wake(): Promise<void> {
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    this.polling = (async () => {
      try {
        do {
          this.pollAgain = false;
          await this.workThroughQueue();
        } while (this.pollAgain && !this.state.erased && !this.stop.signal.aborted);
      } finally {
        this.polling = undefined;
      }
    })();
    return this.polling;
  }

  /** The MDM profile removed by the user: the device says so and stops. */
  async checkOut(): Promise<void> {
    await this.client.checkIn({ MessageType: "CheckOut", UDID: this.udid, Topic: this.profile.mdm.topic });
    this.close();
  }

  close(): void {
    this.stop.abort();
    this.client.close();
  }

  private onPush(payload: string): void {
    let magic: unknown;
    try {
      magic = (JSON.parse(payload) as { mdm?: unknown }).mdm;
    } catch {
      return;
    }
    // A push with another device's magic is not for this enrollment: real devices ignore it too.
    if (magic !== this.pushMagic || this.state.erased || this.stop.signal.aborted) return;
    this.pushes++;
    this.options.onPush?.();
    this.wake().catch((error: unknown) => this.options.onError?.(error));
  }

  private async workThroughQueue(): Promise<void> {
    let deferred = false;
    let next = await this.idle();
    while (next && !this.stop.signal.aborted) {
      const commandUuid = optionalText(next, "CommandUUID") ?? "";
      const command = next.Command as PlistDict | undefined;
      const answer = command
        ? await this.answerFor(command)
        : { status: "CommandFormatError" as const, fields: {} };
      const requestType = (command && optionalText(command, "RequestType")) ?? "(none)";
      const received = { commandUuid, requestType, status: answer.status };
      this.received.push(received);
      this.options.onCommand?.(received);
      deferred ||= answer.status === "NotNow";
      next = await this.client.report({
        UDID: this.udid,
        Status: answer.status,
        CommandUUID: commandUuid,
        ...answer.fields,
      });
      // An erased device has acknowledged its last command: it sends nothing more, ever.
      if (this.state.erased) return this.close();
    }
    // A device that said NotNow comes back when it can; the server then offers the command again.
    if (deferred && !this.stop.signal.aborted) this.pollAgain = true;
  }

  private async answerFor(command: PlistDict): Promise<CommandAnswer> {
    const requestType = optionalText(command, "RequestType");
    if (requestType === "InstallProfile" && isEnrollmentProfile(command.Payload))
      return this.answerer.scripted(requestType) ?? (await this.renewIdentity(command.Payload));
    return this.answerer.answer(command);
  }

  /**
   * What a device does with an enrollment profile for the enrollment it already has: it replaces
   * the installed profile, makes a new identity by SCEP with the profile's challenge, checks in again
   * with it, signs with it from then on (the acknowledgement included), and forgets the old one.
   */
  private async renewIdentity(payload: Uint8Array): Promise<CommandAnswer> {
    let profile: InstalledEnrollmentProfile;
    try {
      profile = readEnrollmentProfile(payload, fingerprintOf(this.profile.caCertificatePem));
    } catch (error) {
      return errorAnswer("MCProfileErrorDomain", 1_000, (error as Error).message);
    }
    if (profile.identifier !== this.profile.identifier || profile.mdm.topic !== this.profile.mdm.topic)
      return errorAnswer(
        "MCMDMErrorDomain",
        12_014,
        "The device is already managed by another MDM profile; this one does not replace it.",
      );
    let identity: AppleIdentity;
    try {
      identity = await enrolIdentity(profile, this.endpoint);
    } catch (error) {
      return errorAnswer("MCSCEPErrorDomain", 22_013, `SCEP failed: ${(error as Error).message}`);
    }
    this.client.useIdentity(identity);
    this.identity = identity;
    this.profile = profile;
    // Installing the MDM payload again enrols in place, as a real device does: Authenticate and
    // TokenUpdate, signed with the new identity, before the InstallProfile is acknowledged.
    try {
      await this.authenticate();
      await this.tokenUpdate();
    } catch (error) {
      return errorAnswer("MCMDMErrorDomain", 12_011, `The MDM check-in failed: ${(error as Error).message}`);
    }
    this.state.certificates.identity = Buffer.from(new X509Certificate(identity.certificatePem).raw);
    this.state.profiles.set(profile.identifier, {
      ...this.state.profiles.get(profile.identifier)!,
      uuid: profile.uuid,
      displayName: profile.displayName,
    });
    return { status: "Acknowledged", fields: {} };
  }

  private idle(): Promise<PlistDict | undefined> {
    return this.options.reuseIdleSignature
      ? this.client.reportIdleReusingSignature(this.udid)
      : this.client.report({ UDID: this.udid, Status: "Idle" });
  }

  private authenticate(): Promise<void> {
    const h = this.hardware;
    return this.client.checkIn({
      MessageType: "Authenticate",
      UDID: h.udid,
      Topic: this.profile.mdm.topic,
      SerialNumber: h.serialNumber,
      // Authenticate's Model is the model identifier (the recorded iMac sends "iMac14,2"), unlike DeviceInformation's.
      Model: h.productName,
      ModelName: h.modelName,
      ProductName: h.productName,
      OSVersion: h.osVersion,
      BuildVersion: h.buildVersion,
      DeviceName: h.deviceName,
      ...(h.imei ? { IMEI: h.imei } : {}),
    });
  }

  private tokenUpdate(): Promise<void> {
    return this.client.checkIn({
      MessageType: "TokenUpdate",
      UDID: this.udid,
      Topic: this.profile.mdm.topic,
      Token: Buffer.from(this.token, "hex"),
      PushMagic: this.pushMagic,
      AwaitingConfiguration: false,
      ...(this.state.unlockToken ? { UnlockToken: this.state.unlockToken } : {}),
    });
  }
}

function commonName(pem: string): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(new X509Certificate(pem).subject)?.[1] ?? "certificate";
}
