// Made on first use: building a formatter loads locale data, which every page would otherwise wait for.
let dateTime: Intl.DateTimeFormat | undefined;
let relativeTime: Intl.RelativeTimeFormat | undefined;
const relative = () => (relativeTime ??= new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }));

export function formatDateTime(ms: number | null | undefined): string {
  if (ms == null) return "—";
  dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  return dateTime.format(ms);
}

/** "3 minutes ago", "in 2 days". */
export function formatRelative(ms: number | null | undefined, now = Date.now()): string {
  if (ms == null) return "never";
  const seconds = Math.round((ms - now) / 1000);
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size) return relative().format(Math.round(seconds / size), unit);
  return Math.abs(seconds) < 10 ? "just now" : relative().format(seconds, "second");
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return "—";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 && unit > 0 ? 1 : 0)} ${units[unit]}`;
}

export const PLATFORM_LABELS: Record<string, string> = {
  ios: "iOS",
  macos: "macOS",
  android: "Android",
  windows: "Windows",
};

export const STATE_COLORS: Record<string, string> = {
  enrolling: "blue",
  active: "green",
  inactive: "yellow",
  lost: "orange",
  wiped: "gray",
  retired: "gray",
  pending: "gray",
  delivered: "blue",
  acknowledged: "green",
  error: "red",
  not_now: "yellow",
  expired: "gray",
  cancelled: "gray",
  used: "gray",
  locked: "red",
  revoked: "gray",
};
