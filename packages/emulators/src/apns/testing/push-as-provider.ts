import { once } from "node:events";
import { connect, type OutgoingHttpHeaders } from "node:http2";
import { importPKCS8, SignJWT } from "jose";
import type { ApnsEmulator } from "../apns-emulator.js";

export interface ProviderPusher {
  /** Sends one notification as a provider would; resolves with the HTTP status. */
  push(token: string, payload: object, headers?: OutgoingHttpHeaders): Promise<number>;
  close(): void;
}

/**
 * A provider for tests of the device side: a raw node:http2 connection with a provider token signed
 * by a key the emulator issued, so a notification takes the same path a relay's does.
 */
export async function pushAsProvider(emulator: ApnsEmulator, topic: string): Promise<ProviderPusher> {
  const key = emulator.createSigningKey();
  const jwt = await new SignJWT({ iss: key.teamId, iat: Math.floor(Date.now() / 1000) })
    .setProtectedHeader({ alg: "ES256", kid: key.keyId })
    .sign(await importPKCS8(key.privateKey, "ES256"));
  const session = connect(emulator.url, { ca: emulator.ca });
  session.on("error", () => {});
  await once(session, "connect");
  const push = async (token: string, payload: object, headers: OutgoingHttpHeaders = {}) => {
    const stream = session.request({
      ":method": "POST",
      ":path": `/3/device/${token}`,
      authorization: `bearer ${jwt}`,
      "apns-topic": topic,
      "apns-push-type": "mdm",
      ...headers,
    });
    stream.end(JSON.stringify(payload));
    const [response] = (await once(stream, "response")) as [Record<string, unknown>];
    stream.resume();
    return Number(response[":status"]);
  };
  return { push, close: () => void session.destroy() };
}
