import type { Socket } from "node:net";
import { DeviceAuthorities } from "./device-authorities.js";
import { LocalChannels } from "./local-channels.js";
import type { FromWorker, ToWorker } from "./worker-messages.js";

/**
 * A push-channel worker process: takes device sockets the relay hands it, holds their channels,
 * writes the wake-ups it is asked for. It ends when the relay does (its IPC channel closes).
 */
export function runPushChannelWorker(): void {
  const send = (message: FromWorker) => process.send?.(message);
  const authorities = new DeviceAuthorities();
  let channels: LocalChannels | undefined;
  process.on("message", (message: ToWorker, handle?: Socket) => {
    switch (message.type) {
      case "start":
        for (const { serverId, pem } of message.authorities) authorities.add(serverId, pem);
        channels = new LocalChannels(authorities, message.tls, (reason, remoteAddress) =>
          send({ type: "refused", reason, remoteAddress }),
        );
        send({ type: "ready" });
        return;
      case "authority":
        authorities.add(message.serverId, message.pem);
        return;
      case "channel":
        if (!handle) return;
        if (!channels) return void handle.destroy();
        if (message.hello) handle.unshift(Buffer.from(message.hello, "base64"));
        channels.take(handle);
        return;
      case "wake": {
        const indices: number[] = [];
        let index = 0;
        for (const [serverId, serials] of message.groups)
          for (const serial of serials) {
            if (channels?.table.wake(serverId, serial)) indices.push(index);
            index++;
          }
        send({ type: "woken", id: message.id, indices });
        return;
      }
      case "count":
        send({ type: "counted", id: message.id, connected: channels?.table.size ?? 0 });
    }
  });
  process.on("disconnect", () => process.exit(0));
}
