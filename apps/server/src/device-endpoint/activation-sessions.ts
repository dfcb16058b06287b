import { randomBytes } from "node:crypto";
import type { VerifierSession } from "@meridian/pake";

export interface PendingActivation {
  tenantId: string;
  activationId: string;
  platform: "android" | "ios" | "macos" | "windows";
  host: string;
  exchange: VerifierSession;
  createdAt: number;
  sharedKey?: Uint8Array;
}

const LIFETIME_MS = 2 * 60_000;
const MAX_SESSIONS = 20_000;

/**
 * Activation exchanges between their requests. Each lives two minutes and is taken out when used,
 * so a replayed message finds nothing.
 */
export class ActivationSessions {
  private readonly sessions = new Map<string, PendingActivation>();

  constructor(private readonly now: () => number = Date.now) {}

  open(session: Omit<PendingActivation, "createdAt">): string {
    this.sweep();
    if (this.sessions.size >= MAX_SESSIONS)
      throw new Error("Too many activations in progress; try again shortly.");
    const id = randomBytes(24).toString("base64url");
    this.sessions.set(id, { ...session, createdAt: this.now() });
    return id;
  }

  /** The session, if it exists and has not expired; `take` also ends it. */
  get(id: string, take = false): PendingActivation | undefined {
    const session = this.sessions.get(id);
    if (!session || this.now() - session.createdAt > LIFETIME_MS) {
      this.sessions.delete(id);
      return undefined;
    }
    if (take) this.sessions.delete(id);
    return session;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions)
      if (now - session.createdAt > LIFETIME_MS) this.sessions.delete(id);
  }
}
