import { InvalidArgumentError } from "commander";

/** Option parsers: a bad value is reported by commander as "option '--x <n>' argument 'y' is invalid. <reason>". */

export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1)
    throw new InvalidArgumentError("It must be a whole number of 1 or more.");
  return value;
}

const MINUTES_PER_UNIT: Record<string, number> = { m: 1, h: 60, d: 1440 };

/** "30m", "48h", "7d" as minutes. */
export function durationInMinutes(text: string): number {
  const match = /^\s*(\d+)\s*([mhd])\s*$/i.exec(text);
  if (!match) throw new InvalidArgumentError("Write it as a number and a unit: 30m, 48h or 7d.");
  const minutes = Number(match[1]) * MINUTES_PER_UNIT[match[2]!.toLowerCase()]!;
  if (minutes < 1) throw new InvalidArgumentError("It must be at least 1m.");
  return minutes;
}
