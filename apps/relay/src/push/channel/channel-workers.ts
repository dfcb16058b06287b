import { fork, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import { fileURLToPath } from "node:url";
import type { ChannelHost, ChannelTls } from "./channel-host.js";
import type { DeviceAuthorities } from "./device-authorities.js";
import { WORKER_ENVIRONMENT, type FromWorker, type ToWorker } from "./worker-messages.js";

/**
 * A worker that gives no answer within this is counted as holding none of the devices. Generous: a
 * batch for 100,000 devices took over 5 s on a loaded 2-core machine, and a late answer is lost.
 */
const ANSWER_TIMEOUT_MS = 30_000;
const RESTART_DELAY_MS = { first: 200, most: 30_000 };

interface Worker {
  child: ChildProcess;
  ready: boolean;
  answers: Map<number, (answer: FromWorker) => void>;
}

interface QueuedWake {
  serverId: string;
  serials: string[];
  resolve: (woken: boolean[]) => void;
}

/** How a worker process is started: from the TypeScript sources (through tsx) or from the CLI bundle. */
function workerCommand(): { modulePath: string; execArgv: string[]; env: NodeJS.ProcessEnv } {
  if (import.meta.url.endsWith(".ts"))
    return {
      modulePath: fileURLToPath(new URL("./channel-worker-main.ts", import.meta.url)),
      execArgv: ["--import", "tsx"],
      env: process.env,
    };
  // The bundle's entry runs the worker when it finds this variable (apps/cli/src/main.ts).
  return { modulePath: process.argv[1]!, execArgv: [], env: { ...process.env, [WORKER_ENVIRONMENT]: "1" } };
}

/**
 * Push channels spread over worker processes, so that one relay node can hold more connections than
 * one process may have open files. The relay's edge still reads every ClientHello; a push-channel
 * connection is then handed, socket and bytes read ahead, to the next worker in turn. Wake-ups are
 * gathered for a turn of the event loop and sent to every worker as one message: each writes to the
 * devices it holds and answers which, so the main process keeps nothing per connection.
 */
export class ChannelWorkers implements ChannelHost {
  private readonly workers: Worker[] = [];
  private readonly restartDelays: number[] = [];
  private next = 0;
  private requestId = 0;
  private queue: QueuedWake[] = [];
  private closing = false;

  constructor(
    count: number,
    private readonly tls: ChannelTls,
    private readonly authorities: DeviceAuthorities,
    private readonly log: { info(o: object, m: string): void; warn(o: object, m: string): void },
  ) {
    for (let index = 0; index < count; index++) {
      this.restartDelays.push(RESTART_DELAY_MS.first);
      this.workers.push(this.spawn(index));
    }
  }

  /** Settles once every worker has started. */
  async started(): Promise<void> {
    for (let waited = 0; this.workers.some((w) => !w.ready); waited += 20) {
      if (waited > 30_000) throw new Error("The push-channel workers did not start within 30 s.");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  take(socket: Socket): void {
    const worker = this.pick();
    if (!worker) return void socket.destroy();
    const readAhead = socket.read() as Buffer | null;
    const message: ToWorker = { type: "channel", hello: readAhead?.toString("base64") ?? "" };
    // Once sent, the socket is the worker's; this process's copy is only closed.
    worker.child.send(message, socket, () => socket.destroy());
  }

  addAuthority(serverId: string, pem: string): void {
    this.authorities.add(serverId, pem);
    // Messages keep their order: a worker still starting gets this after its start message.
    for (const worker of this.workers) this.send(worker, { type: "authority", serverId, pem });
  }

  wake(serverId: string, serials: string[]): Promise<boolean[]> {
    return new Promise((resolve) => {
      if (this.queue.length === 0) setImmediate(() => void this.flush());
      this.queue.push({ serverId, serials, resolve });
    });
  }

  async connected(): Promise<number> {
    const counts = await Promise.all(
      this.workers.map((worker) => this.ask(worker, { type: "count", id: ++this.requestId })),
    );
    return counts.reduce((sum, answer) => sum + (answer?.type === "counted" ? answer.connected : 0), 0);
  }

  workerPids(): number[] {
    return this.workers.map((w) => w.child.pid ?? 0);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.workers.map((worker) => {
        if (worker.child.exitCode !== null || worker.child.signalCode !== null) return undefined;
        const exited = new Promise((resolve) => worker.child.once("exit", resolve));
        worker.child.kill();
        return exited;
      }),
    );
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const groups: Array<[string, string[]]> = batch.map((request) => [request.serverId, request.serials]);
    const woken = new Uint8Array(batch.reduce((sum, request) => sum + request.serials.length, 0));
    const answers = await Promise.all(
      this.workers.map((worker) => this.ask(worker, { type: "wake", id: ++this.requestId, groups })),
    );
    for (const answer of answers)
      if (answer?.type === "woken") for (const index of answer.indices) woken[index] = 1;
    let at = 0;
    for (const request of batch) {
      request.resolve(request.serials.map(() => woken[at++] === 1));
    }
  }

  /** Sends a request and waits for its answer; undefined when the worker is down or too slow. */
  private ask(worker: Worker, message: ToWorker & { id: number }): Promise<FromWorker | undefined> {
    if (!worker.ready) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.answers.delete(message.id);
        resolve(undefined);
      }, ANSWER_TIMEOUT_MS);
      worker.answers.set(message.id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.send(worker, message);
    });
  }

  private send(worker: Worker, message: ToWorker): void {
    if (worker.child.connected) worker.child.send(message);
  }

  private pick(): Worker | undefined {
    for (let tried = 0; tried < this.workers.length; tried++) {
      const worker = this.workers[this.next++ % this.workers.length]!;
      if (worker.ready && worker.child.connected) return worker;
    }
    return undefined;
  }

  private spawn(index: number): Worker {
    const command = workerCommand();
    const child = fork(command.modulePath, [], {
      execArgv: command.execArgv,
      env: command.env,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      serialization: "json",
    });
    const worker: Worker = { child, ready: false, answers: new Map() };
    child.on("message", (message: FromWorker) => {
      switch (message.type) {
        case "ready":
          worker.ready = true;
          return;
        case "refused":
          this.log.warn(
            { reason: message.reason, remoteAddress: message.remoteAddress },
            "push channel refused",
          );
          return;
        default: {
          const answer = worker.answers.get(message.id);
          worker.answers.delete(message.id);
          answer?.(message);
        }
      }
    });
    child.on("error", () => undefined);
    child.once("exit", (code, signal) => {
      worker.ready = false;
      for (const answer of worker.answers.values()) answer({ type: "woken", id: -1, indices: [] });
      worker.answers.clear();
      if (this.closing) return;
      // Its devices reconnect on their own (with jittered backoff) and are handed to the others meanwhile.
      const delay = this.restartDelays[index]!;
      this.restartDelays[index] = Math.min(delay * 2, RESTART_DELAY_MS.most);
      this.log.warn(
        { worker: index, pid: child.pid, code, signal, restartInMs: delay },
        "push-channel worker exited",
      );
      setTimeout(() => {
        if (!this.closing) this.workers[index] = this.spawn(index);
      }, delay).unref();
    });
    this.send(worker, { type: "start", tls: this.tls, authorities: this.authorities.list() });
    // A worker that has held its devices for a minute has its restart delay reset.
    setTimeout(() => {
      if (worker.ready) this.restartDelays[index] = RESTART_DELAY_MS.first;
    }, 60_000).unref();
    return worker;
  }
}
