import { decodePlistDict, isPlistDict, type PlistDict } from "@meridian/apple-mdm";
import { readAttachedCmsContent } from "@meridian/pki";
import type { AppleDeviceState } from "./device-state.js";
import {
  certificateList,
  deviceInformation,
  installedApplicationList,
  managedApplicationList,
  profileList,
  securityInfo,
} from "./inventory-answers.js";
import { dicts, optionalText } from "./plist-reads.js";

export type AnswerStatus = "Acknowledged" | "Error" | "NotNow" | "CommandFormatError";

export interface CommandAnswer {
  status: AnswerStatus;
  /** The answer's keys beside UDID, Status and CommandUUID (QueryResponses, ErrorChain...). */
  fields: PlistDict;
}

/** How a test makes the device take the other paths: NotNow once, or an Error every time. */
export interface AnswerBehaviour {
  notNowOnce?: string[];
  failWith?: string[];
}

const ack = (fields: PlistDict = {}): CommandAnswer => ({ status: "Acknowledged", fields });

/** An Error answer as devices send it: an ErrorChain naming the domain and code. */
export function errorAnswer(domain: string, code: number, description: string): CommandAnswer {
  return {
    status: "Error",
    fields: {
      ErrorChain: [
        {
          ErrorDomain: domain,
          ErrorCode: code,
          LocalizedDescription: description,
          USEnglishDescription: description,
        },
      ],
    },
  };
}

/**
 * Carries out one command on the simulated device and says what it answers. The state changes are
 * the ones the server can observe later (ProfileList, InstalledApplicationList, SecurityInfo).
 */
export class CommandAnswerer {
  private readonly notNowLeft: Set<string>;

  constructor(
    private readonly state: AppleDeviceState,
    private readonly behaviour: AnswerBehaviour = {},
  ) {
    this.notNowLeft = new Set(behaviour.notNowOnce ?? []);
  }

  answer(command: PlistDict): CommandAnswer {
    const requestType = optionalText(command, "RequestType");
    if (!requestType) return { status: "CommandFormatError", fields: {} };
    return this.scripted(requestType) ?? this.carryOut(requestType, command);
  }

  /** The answer a test told the device to give to this request type instead of carrying it out. */
  scripted(requestType: string): CommandAnswer | undefined {
    if (this.notNowLeft.delete(requestType)) return { status: "NotNow", fields: {} };
    if (this.behaviour.failWith?.includes(requestType))
      return errorAnswer("MCMDMErrorDomain", 12_000, `The simulator was told to fail ${requestType}.`);
    return undefined;
  }

  private carryOut(requestType: string, command: PlistDict): CommandAnswer {
    const state = this.state;
    const macos = state.hardware.platform === "macos";
    const strings = (key: string) =>
      Array.isArray(command[key]) ? command[key].filter((v): v is string => typeof v === "string") : [];
    switch (requestType) {
      case "DeviceInformation":
        return ack(deviceInformation(state, strings("Queries")));
      case "SecurityInfo":
        return ack(securityInfo(state));
      case "InstalledApplicationList":
        return ack(installedApplicationList(state, strings("Identifiers")));
      case "ManagedApplicationList":
        return ack(managedApplicationList(state));
      case "ProfileList":
        return ack(profileList(state));
      case "CertificateList":
        return ack(certificateList(state));
      case "InstallProfile":
        return this.installProfile(command.Payload);
      case "RemoveProfile":
        return this.removeProfile(optionalText(command, "Identifier") ?? "");
      case "DeviceLock": {
        const pin = optionalText(command, "PIN");
        if (macos && !/^\d{6}$/.test(pin ?? ""))
          return errorAnswer("MCMDMErrorDomain", 12_025, "A Mac is locked only with a six-digit PIN.");
        state.locked = true;
        return ack();
      }
      case "EraseDevice":
        // Acknowledged first, as a real device does; the caller then stops it for good.
        state.erased = true;
        return ack();
      case "RestartDevice":
        state.restarts++;
        return ack();
      case "ShutDownDevice":
        state.shutdowns++;
        return ack();
      case "ClearPasscode": {
        if (macos) return errorAnswer("MCMDMErrorDomain", 12_021, "ClearPasscode is not supported on macOS.");
        const token = command.UnlockToken;
        if (!(token instanceof Uint8Array) || !state.unlockToken?.equals(Buffer.from(token)))
          return errorAnswer("MCMDMErrorDomain", 12_022, "The unlock token is not this device's.");
        state.passcodePresent = false;
        return ack();
      }
      case "Settings":
        return this.settings(dicts(command.Settings));
      case "InstallApplication": {
        const identifier = optionalText(command, "Identifier") ?? manifestIdentifier(command);
        state.apps.set(identifier, { identifier, name: identifier, version: "1.0", managed: true });
        return ack({ Identifier: identifier, State: "Installing" });
      }
      case "RemoveApplication": {
        const identifier = optionalText(command, "Identifier") ?? "";
        if (!state.apps.get(identifier)?.managed)
          return errorAnswer("MCMDMErrorDomain", 12_029, `The app ${identifier} is not managed.`);
        state.apps.delete(identifier);
        return ack();
      }
      case "DeviceConfigured":
      case "DeclarativeManagement":
        return ack();
      default:
        return errorAnswer("MCMDMErrorDomain", 12_021, `Unknown command type ${requestType}.`);
    }
  }

  private installProfile(payload: unknown): CommandAnswer {
    const profile = readProfilePayload(payload);
    if (!profile)
      return errorAnswer(
        "MCProfileErrorDomain",
        1_000,
        "The profile could not be read: it is not a signed or plain profile.",
      );
    const identifier = optionalText(profile, "PayloadIdentifier");
    if (!identifier)
      return errorAnswer("MCProfileErrorDomain", 2_004, "The profile has no PayloadIdentifier.");
    // A profile with the identifier of one already installed replaces it.
    this.state.profiles.set(identifier, {
      identifier,
      uuid: optionalText(profile, "PayloadUUID") ?? "",
      displayName: optionalText(profile, "PayloadDisplayName") ?? identifier,
      managed: true,
      payloadTypes: dicts(profile.PayloadContent).flatMap((p) => optionalText(p, "PayloadType") ?? []),
    });
    return ack();
  }

  private removeProfile(identifier: string): CommandAnswer {
    const profile = this.state.profiles.get(identifier);
    if (!profile?.managed)
      return errorAnswer("MCProfileErrorDomain", 1_001, `The profile ${identifier} is not installed by MDM.`);
    this.state.profiles.delete(identifier);
    return ack();
  }

  private settings(items: PlistDict[]): CommandAnswer {
    const answers = items.map((item) => {
      const name = optionalText(item, "Item") ?? "";
      if (name === "DeviceName" && optionalText(item, "DeviceName")) {
        this.state.hardware.deviceName = optionalText(item, "DeviceName")!;
        return { Item: name, Status: "Acknowledged" };
      }
      return { Item: name, Status: name === "MDMOptions" ? "Acknowledged" : "Error" };
    });
    return ack({ Settings: answers });
  }
}

/** A .mobileconfig as sent in InstallProfile: a plain plist, or signed (CMS with the plist inside). */
export function readProfilePayload(payload: unknown): PlistDict | undefined {
  if (!(payload instanceof Uint8Array)) return undefined;
  let content: Uint8Array = payload;
  if (payload[0] === 0x30) {
    try {
      content = readAttachedCmsContent(payload).content;
    } catch {
      return undefined;
    }
  }
  const decoded = decodePlistDict(content);
  return decoded.ok && isPlistDict(decoded.value) ? decoded.value : undefined;
}

function manifestIdentifier(command: PlistDict): string {
  const url = optionalText(command, "ManifestURL") ?? "";
  return `com.example.${url.split("/").pop()?.replace(/\W+/g, "") || "app"}`;
}
