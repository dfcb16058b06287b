import { useSyncExternalStore } from "react";
import { SESSION_KEY } from "../boot/first-screen";

/** The signed-in administrator's session, kept for this browser tab only. */
export interface Session {
  token: string;
  expiresAt: number;
  email: string;
  displayName: string;
}

const KEY = SESSION_KEY;
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Session | null;
    return stored && stored.expiresAt > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

let current = read();
/** Why the last session ended, for the sign-in page to say. */
let endedBecause: string | null = null;

function notify() {
  for (const listener of listeners) listener();
}

export function currentSession(): Session | null {
  return current;
}

export function startSession(session: Session): void {
  current = session;
  endedBecause = null;
  sessionStorage.setItem(KEY, JSON.stringify(session));
  notify();
}

export function endSession(reason: string | null = null): void {
  if (!current) return;
  current = null;
  endedBecause = reason;
  sessionStorage.removeItem(KEY);
  notify();
}

export function sessionEndReason(): string | null {
  return endedBecause;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, currentSession);
}
