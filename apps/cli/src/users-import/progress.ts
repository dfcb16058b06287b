import { Presets, SingleBar } from "cli-progress";
import type { ImportTally } from "./import-report.js";

export interface Progress {
  update(tally: ImportTally): void;
  stop(tally: ImportTally): void;
}

/** A bar on a terminal; in a log (CI, a pipe) a plain line every few seconds instead. */
export function importProgress(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  intervalMs = 5000,
): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format:
          "Importing {bar} {percentage}% | {value}/{total} rows | created {created}, failed {failed} | ETA {eta_formatted}",
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0, { created: 0, failed: 0 });
    return {
      update: (tally) => bar.update(tally.done, { created: tally.created, failed: tally.failures.length }),
      stop: (tally) => {
        bar.update(tally.done, { created: tally.created, failed: tally.failures.length });
        bar.stop();
      },
    };
  }
  const startedAt = Date.now();
  let lastAt = startedAt;
  let printed = false;
  const line = (tally: ImportTally) =>
    stream.write(
      `imported ${tally.done}/${total} rows (created ${tally.created}, failed ${tally.failures.length}) in ${Math.round((Date.now() - startedAt) / 1000)} s\n`,
    );
  return {
    update(tally) {
      if (Date.now() - lastAt < intervalMs) return;
      lastAt = Date.now();
      printed = true;
      line(tally);
    },
    stop(tally) {
      if (printed) line(tally);
    },
  };
}
