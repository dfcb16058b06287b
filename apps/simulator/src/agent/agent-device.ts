import { AGENT_PATHS, AGENT_PROTOCOL_VERSION } from "@meridian/protocol";
import { backoffDelay } from "@meridian/tunnel";
import type { DeviceCredentials } from "./activate.js";
import type { DeviceProfile } from "./device-profile.js";
import { DeviceHttpClient, DeviceHttpError } from "./https-client.js";

export interface ReceivedCommand {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  expiresAt: number;
}

export interface CommandOutcome {
  status: "acknowledged" | "error" | "not_now";
  result?: Record<string, unknown>;
  error?: { code: string; message: string };
}

/**
 * An activated agent device: it says hello, reports its inventory, fetches commands (waiting for
 * them, so it is not polling tightly), carries them out as a real Android agent would, and answers.
 */
const MAX_RETRY_DELAY_MS = 10_000;

export class AgentDevice {
  readonly client: DeviceHttpClient;
  locked = false;
  wiped = false;
  readonly executed: ReceivedCommand[] = [];
  /** Answers not yet delivered (the relay or server was away): sent again before anything else. */
  private readonly unanswered: Array<{ id: string; outcome: CommandOutcome }> = [];

  constructor(
    readonly credentials: DeviceCredentials,
    readonly profile: DeviceProfile,
  ) {
    this.client = new DeviceHttpClient(credentials.endpoint, {
      ca: credentials.caCertificate,
      key: credentials.privateKey,
      cert: credentials.certificate,
    });
  }

  /** Says who it is and, when it has a push token, how the server should wake it. */
  async hello(
    push?: { service: "fcm" | "wns" | "apns"; token: string } | { service: "relay" },
  ): Promise<{ deviceId: string; configurationVersion: number }> {
    return (
      await this.client.call<{ deviceId: string; configurationVersion: number }>("POST", AGENT_PATHS.hello, {
        agentVersion: "meridian-sim/0.1",
        protocolVersion: AGENT_PROTOCOL_VERSION,
        ...(push ? { push } : {}),
      })
    ).body!;
  }

  /** What a woken device does: fetch and carry out every waiting command, without waiting for more. */
  async wake(): Promise<number> {
    let carriedOut = 0;
    await this.flushAnswers();
    for (let command = await this.nextCommand(0); command; command = await this.nextCommand(0)) {
      await this.execute(command);
      carriedOut++;
    }
    return carriedOut;
  }

  async reportInventory(): Promise<void> {
    const p = this.profile;
    await this.client.call("POST", AGENT_PATHS.inventory, {
      collectedAt: Date.now(),
      hardware: {
        manufacturer: p.manufacturer,
        model: p.model,
        serialNumber: p.serialNumber,
        imei: p.imei,
        wifiMac: p.wifiMac,
        totalStorageBytes: 128_000_000_000,
        freeStorageBytes: 61_000_000_000,
        batteryLevel: 0.76,
      },
      os: {
        version: p.osVersion,
        buildId: p.buildId,
        securityPatchLevel: p.securityPatchLevel,
        apiLevel: p.apiLevel,
      },
      security: {
        encrypted: true,
        passcodeSet: true,
        compromised: false,
        developerOptionsEnabled: false,
        unknownSourcesAllowed: false,
      },
      apps: p.apps,
    });
  }

  /** The next command, waiting up to `waitSeconds` for one to be queued. */
  async nextCommand(waitSeconds: number): Promise<ReceivedCommand | undefined> {
    const response = await this.client.call<{ command: ReceivedCommand }>(
      "GET",
      `${AGENT_PATHS.nextCommand}?wait=${waitSeconds}`,
      undefined,
      { timeoutMs: (waitSeconds + 15) * 1000 },
    );
    return response.status === 204 ? undefined : response.body?.command;
  }

  async answer(commandId: string, outcome: CommandOutcome): Promise<void> {
    await this.client.call("POST", AGENT_PATHS.commandResult(commandId), outcome);
  }

  /**
   * Carries out one command as the device policy controller would, and answers it. An answer that
   * cannot be delivered now is kept and sent again: the command was carried out either way.
   */
  async execute(command: ReceivedCommand): Promise<void> {
    this.executed.push(command);
    this.unanswered.push({ id: command.id, outcome: await this.carryOut(command) });
    await this.flushAnswers();
  }

  /** Sends the answers still owed, oldest first; throws if the server cannot be reached. */
  async flushAnswers(): Promise<void> {
    while (this.unanswered.length > 0) {
      const { id, outcome } = this.unanswered[0]!;
      try {
        await this.answer(id, outcome);
      } catch (error) {
        // The server no longer knows the command (cancelled, or the device was removed): nothing to send.
        if (!(error instanceof DeviceHttpError && error.status >= 400 && error.status < 500)) throw error;
      }
      this.unanswered.shift();
    }
  }

  /** Fetches and carries out commands until the signal aborts or the device is wiped. */
  async serve(signal: AbortSignal, waitSeconds = 25): Promise<void> {
    let failures = 0;
    while (!signal.aborted && !this.wiped) {
      try {
        await this.flushAnswers();
        const command = await this.nextCommand(waitSeconds);
        failures = 0;
        if (command) await this.execute(command);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof DeviceHttpError && error.status === 401) throw error;
        // The relay or server went away or is overloaded: try again after a random share of a
        // doubling delay, as a real agent must, so that a fleet does not retry in lockstep.
        const delay = backoffDelay(failures++, { baseMs: 500, capMs: MAX_RETRY_DELAY_MS });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  close(): void {
    this.client.close();
  }

  private async carryOut(command: ReceivedCommand): Promise<CommandOutcome> {
    switch (command.type) {
      case "lock":
        this.locked = true;
        return { status: "acknowledged", result: { locked: true } };
      case "request_inventory":
        await this.reportInventory();
        return { status: "acknowledged" };
      case "install_app": {
        const packageName = String(command.payload.packageName);
        this.profile.apps.push({
          packageName,
          name: packageName,
          version: "1.0",
          installSource: "managed",
          managed: true,
        });
        return { status: "acknowledged", result: { installed: packageName } };
      }
      case "uninstall_app": {
        const before = this.profile.apps.length;
        this.profile.apps = this.profile.apps.filter(
          (app) => app.packageName !== command.payload.packageName,
        );
        return before === this.profile.apps.length
          ? {
              status: "error",
              error: {
                code: "not_installed",
                message: `${String(command.payload.packageName)} is not installed.`,
              },
            }
          : { status: "acknowledged" };
      }
      case "wipe":
        this.wiped = true;
        return { status: "acknowledged" };
      case "reboot":
      case "reset_password":
      case "delete_work_data":
        return { status: "acknowledged" };
      default:
        return {
          status: "error",
          error: { code: "unsupported", message: `This agent does not support ${command.type}.` },
        };
    }
  }
}
