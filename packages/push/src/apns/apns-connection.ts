import { once } from "node:events";
import {
  connect,
  constants,
  type ClientHttp2Session,
  type ClientHttp2Stream,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
  type SecureClientSessionOptions,
} from "node:http2";
import { describeError, PushError } from "../errors.js";

export interface Http2Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ApnsConnectionOptions {
  /** https://api.push.apple.com, the sandbox host, or an emulator's URL. */
  origin: string;
  /** The client certificate (certificate authentication) and any extra trust anchors (an emulator's CA). */
  tls: SecureClientSessionOptions;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/** One HTTP/2 session and the streams open on it. */
interface Lane {
  session: ClientHttp2Session;
  /** The peer's SETTINGS_MAX_CONCURRENT_STREAMS; one until its SETTINGS arrive. */
  limit: number;
  inFlight: number;
}

interface Waiter {
  admit(lane: Lane): void;
  fail(error: unknown): void;
}

interface Pending {
  stream: ClientHttp2Stream;
  /** The sweep count at which the request is overdue. */
  deadline: number;
  fail(error: PushError): void;
}

const usable = (lane: Lane | undefined): lane is Lane =>
  lane !== undefined && !lane.session.closed && !lane.session.destroyed;

/**
 * One HTTP/2 session to APNs for one credential, replaced when APNs sends GOAWAY or the connection
 * drops; streams already open on the old session finish there. Requests beyond what the peer allows
 * in parallel wait here: the limit is the peer's SETTINGS_MAX_CONCURRENT_STREAMS, followed as it
 * changes, because APNs lowers it under load and keeps it at one until a valid provider token arrives.
 *
 * The per-request path is kept lean because it runs for every notification: no timer per request
 * (one sweep finds overdue streams) and no extra promise when a stream is free.
 */
export class ApnsConnection {
  private lane: Lane | undefined;
  private opening: Promise<void> | undefined;
  private readonly waiting: Waiter[] = [];
  private readonly pending = new Set<Pending>();
  private sweeper: NodeJS.Timeout | undefined;
  private sweeps = 0;
  private closed = false;
  /** Sessions opened so far; more than one means the connection was re-established. */
  sessionsOpened = 0;
  /** The most parallel streams seen on one session, for tests and tuning. */
  peakInFlight = 0;

  constructor(private readonly options: ApnsConnectionOptions) {}

  /** What the peer allows now on the current session; one before there is one. */
  get streamLimit(): number {
    return usable(this.lane) ? this.lane.limit : 1;
  }

  request(headers: OutgoingHttpHeaders, body: string | Buffer): Promise<Http2Response> {
    const lane = this.lane;
    if (this.waiting.length === 0 && usable(lane) && lane.inFlight < lane.limit) {
      this.take(lane);
      return this.exchange(lane, headers, body);
    }
    return this.awaitLane().then((admitted) => this.exchange(admitted, headers, body));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    this.admit();
    const session = this.lane?.session;
    this.lane = undefined;
    if (session && !session.destroyed) {
      const done = once(session, "close").catch(() => {});
      session.close();
      await done;
    }
  }

  private awaitLane(): Promise<Lane> {
    const admitted = new Promise<Lane>((admit, fail) => this.waiting.push({ admit, fail }));
    this.admit();
    return admitted;
  }

  private take(lane: Lane): void {
    lane.inFlight++;
    if (lane.inFlight > this.peakInFlight) this.peakInFlight = lane.inFlight;
  }

  private release(lane: Lane): void {
    lane.inFlight--;
    if (lane === this.lane) this.admit();
  }

  /** Gives waiting requests a stream on the current session, opening one when there is none. */
  private admit(): void {
    if (this.waiting.length === 0) return;
    if (this.closed) {
      const error = new PushError("closed", "The APNs client was closed.");
      for (const waiter of this.waiting.splice(0)) waiter.fail(error);
      return;
    }
    const lane = this.lane;
    if (!usable(lane)) return this.openSession();
    while (this.waiting.length > 0 && lane.inFlight < lane.limit) {
      this.take(lane);
      this.waiting.shift()!.admit(lane);
    }
  }

  private openSession(): void {
    this.opening ??= this.dial().then(
      (lane) => {
        this.lane = lane;
        this.opening = undefined;
        this.admit();
      },
      (error: unknown) => {
        this.opening = undefined;
        // Everyone waiting hears of the failure; their retries (with backoff) dial again.
        for (const waiter of this.waiting.splice(0)) waiter.fail(error);
      },
    );
  }

  private async dial(): Promise<Lane> {
    const { origin, tls, connectTimeoutMs } = this.options;
    const session = connect(origin, tls);
    this.sessionsOpened++;
    const lane: Lane = { session, limit: 1, inFlight: 0 };
    const retire = () => {
      if (this.lane !== lane) return;
      this.lane = undefined;
      this.admit();
    };
    // After GOAWAY, streams already accepted finish on this session; new ones go to a fresh one.
    session.on("goaway", retire);
    session.on("close", retire);
    session.on("error", retire);
    session.on("remoteSettings", (settings) => {
      lane.limit = Math.max(1, settings.maxConcurrentStreams ?? 1);
      if (this.lane === lane) this.admit();
    });
    const timer = setTimeout(
      () =>
        session.destroy(
          new PushError("timeout", `No HTTP/2 connection to ${origin} within ${connectTimeoutMs} ms.`),
        ),
      connectTimeoutMs,
    );
    try {
      await once(session, "connect");
    } catch (cause) {
      throw cause instanceof PushError
        ? cause
        : new PushError("connection_failed", `Could not connect to ${origin}: ${describeError(cause)}`, {
            cause,
          });
    } finally {
      clearTimeout(timer);
    }
    if (this.closed) {
      session.destroy();
      throw new PushError("closed", "The APNs client was closed.");
    }
    this.sweeper ??= setInterval(() => this.sweep(), this.sweepIntervalMs).unref();
    return lane;
  }

  private get sweepIntervalMs(): number {
    return Math.max(10, Math.min(250, this.options.requestTimeoutMs / 4));
  }

  /** Cancels streams past their deadline: one timer for all of them, and no clock read per request. */
  private sweep(): void {
    this.sweeps++;
    for (const entry of this.pending) {
      if (entry.deadline > this.sweeps) continue;
      entry.fail(
        new PushError(
          "timeout",
          `${this.options.origin} did not answer within ${this.options.requestTimeoutMs} ms.`,
        ),
      );
      entry.stream.close(constants.NGHTTP2_CANCEL);
    }
  }

  /** One request on `lane`, whose stream slot the caller has taken; the slot is given back when it settles. */
  private exchange(lane: Lane, headers: OutgoingHttpHeaders, body: string | Buffer) {
    return new Promise<Http2Response>((resolve, reject) => {
      let stream: ClientHttp2Stream;
      try {
        stream = lane.session.request(headers);
      } catch (cause) {
        this.release(lane);
        reject(
          new PushError("connection_failed", `APNs connection unusable: ${describeError(cause)}`, { cause }),
        );
        return;
      }
      let settled = false;
      let status = 0;
      let responseHeaders: IncomingHttpHeaders = {};
      let text = "";
      const entry: Pending = {
        stream,
        deadline: this.sweeps + Math.ceil(this.options.requestTimeoutMs / this.sweepIntervalMs) + 1,
        fail: (error) => {
          if (settled) return;
          settled = true;
          this.pending.delete(entry);
          this.release(lane);
          reject(error);
        },
      };
      this.pending.add(entry);
      stream.on("response", (received) => {
        status = received[":status"] ?? 0;
        responseHeaders = received;
        // Only refusals carry a body, a few dozen bytes of JSON; accepted pushes have none to read.
        if (status === 200) stream.resume();
        else stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      });
      stream.on("error", () => {});
      stream.on("close", () => {
        if (settled) return;
        if (status > 0 && stream.rstCode === constants.NGHTTP2_NO_ERROR) {
          settled = true;
          this.pending.delete(entry);
          this.release(lane);
          resolve({ status, headers: responseHeaders, body: text });
        } else {
          entry.fail(
            new PushError(
              "connection_failed",
              `The request to ${this.options.origin} ended without an answer (HTTP/2 code ${stream.rstCode}).`,
            ),
          );
        }
      });
      stream.end(body);
    });
  }
}
