import type { Socket } from "node:net";

/** Where push channels live: in the relay's own process, or spread over worker processes. */
export interface ChannelHost {
  /** Takes a device connection routed to the push channel, its ClientHello still unread in it. */
  take(socket: Socket): void;
  /** A device CA every process that accepts channels must now know. */
  addAuthority(serverId: string, pem: string): void;
  /** Writes a wake-up to each device; true for those holding a channel. Serials are normalised. */
  wake(serverId: string, serials: string[]): Promise<boolean[]>;
  /** Channels open now. */
  connected(): Promise<number>;
  /** Process ids of the workers, none when in-process. */
  workerPids(): number[];
  close(): Promise<void>;
}

export interface ChannelTls {
  key: string;
  cert: string;
}

/** How long a device may take over its handshake. */
export const HANDSHAKE_TIMEOUT_MS = 15_000;
