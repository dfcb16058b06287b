import { randomBytes } from "node:crypto";
import type { VerifierSession } from "@meridian/pake";

export interface PendingActivation {
  tenantId: string;
  activationId: string;
  platform: "android" | "ios" | "macos" | "windows";
  host: string;
  exchange: VerifierSession;
  createdAt: number;
}

export const SESSION_LIFETIME_MS = 2 * 60_000;
const MAX_SESSIONS = 20_000;

/**
 * Activation exchanges between their requests. Each lives two minutes and is taken out when used,
 * so a replayed message finds nothing. A session that ends without success (abandoned, expired,
 * failed) is reported to `onFailure`, which counts it against the activation: a device with a wrong
 * password learns so from the server's proof and never finishes.
 */
export class ActivationSessions {
  private readonly sessions = new Map<string, PendingActivation>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly onFailure: (session: PendingActivation) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 10_000);
    this.sweeper.unref();
  }

  open(session: Omit<PendingActivation, "createdAt">): string {
    this.sweep();
    if (this.sessions.size >= MAX_SESSIONS)
      throw new Error("Too many activations in progress; try again shortly.");
    const id = randomBytes(24).toString("base64url");
    this.sessions.set(id, { ...session, createdAt: this.now() });
    return id;
  }

  /** Exchanges of this activation still open: each may yet turn out to be a failed try. */
  openFor(activationId: string): number {
    this.sweep();
    let count = 0;
    for (const session of this.sessions.values()) if (session.activationId === activationId) count++;
    return count;
  }

  /** The session, if it exists and has not expired. */
  get(id: string): PendingActivation | undefined {
    const session = this.sessions.get(id);
    if (!session || this.expired(session)) return undefined;
    return session;
  }

  /** Ends a session that succeeded. */
  succeed(id: string): void {
    this.sessions.delete(id);
  }

  /** Ends a session that failed or was abandoned, and counts it. */
  fail(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    this.onFailure(session);
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private expired(session: PendingActivation): boolean {
    return this.now() - session.createdAt > SESSION_LIFETIME_MS;
  }

  private sweep(): void {
    for (const [id, session] of this.sessions) if (this.expired(session)) this.fail(id);
  }
}
