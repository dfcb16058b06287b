import type { PushError } from "../errors.js";
import type { HeaderField } from "./hpack/decoder.js";

/** Request headers: pseudo-headers (":method", ":path") first, names in lower case. */
export type RequestHeaders = Readonly<Record<string, string>>;

export interface Http2Response {
  status: number;
  /** Response headers by name; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/** One request: waiting for a stream, then open until the response ends or it fails. */
export class ClientStream {
  /** 0 while the request waits for the peer to allow another stream. */
  id = 0;
  /** What is left to send of the body; undefined once all of it is written. */
  body: Buffer | undefined;
  bodyOffset = 0;
  /** How much DATA the peer lets this stream send now. */
  sendWindow = 0;
  /** How much DATA we let the peer send on this stream before our next WINDOW_UPDATE. */
  receiveWindow = 0;
  /** DATA octets received and not yet returned with WINDOW_UPDATE. */
  unacknowledged = 0;
  status = 0;
  responseHeaders: Record<string, string> = {};
  private chunks: Buffer[] | undefined;
  /** The sweep after which the request has taken too long. */
  deadline: number;
  private settled = false;

  constructor(
    readonly headers: RequestHeaders,
    body: Buffer | undefined,
    deadline: number,
    private readonly resolve: (response: Http2Response) => void,
    private readonly reject: (error: PushError) => void,
  ) {
    this.body = body && body.length > 0 ? body : undefined;
    this.deadline = deadline;
  }

  /**
   * Takes the response's status and headers from its first header block; an interim (1xx) one is
   * passed over. Returns what is wrong when the block is not a response head.
   */
  takeResponseHead(fields: HeaderField[], endStream: boolean): string | undefined {
    let status = 0;
    const headers: Record<string, string> = {};
    for (const [name, value] of fields) {
      if (name === ":status") status = Number(value);
      else if (name.charCodeAt(0) !== 58 /* ":" */) {
        const previous = headers[name];
        headers[name] = previous === undefined ? value : `${previous}, ${value}`;
      }
    }
    if (!(status >= 100 && status <= 999)) return "a response without a valid :status";
    if (status < 200) return endStream ? "an interim response that ends the stream" : undefined;
    this.status = status;
    this.responseHeaders = headers;
    return undefined;
  }

  addData(data: Buffer): void {
    if (data.length === 0) return;
    (this.chunks ??= []).push(Buffer.from(data));
  }

  complete(): void {
    if (this.settled) return;
    this.settled = true;
    const body = this.chunks ? Buffer.concat(this.chunks).toString("utf8") : "";
    this.resolve({ status: this.status, headers: this.responseHeaders, body });
  }

  fail(error: PushError): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }
}
