import { randomBytes, randomInt } from "node:crypto";

/** A plausible Android device: what a simulated device says about itself. */
export interface DeviceProfile {
  manufacturer: string;
  model: string;
  osVersion: string;
  apiLevel: number;
  buildId: string;
  securityPatchLevel: string;
  serialNumber: string;
  imei: string;
  wifiMac: string;
  apps: Array<{
    packageName: string;
    name: string;
    version: string;
    installSource: "store" | "managed" | "system" | "sideloaded";
    managed: boolean;
  }>;
}

const MODELS = [
  { manufacturer: "Google", model: "Pixel 8", osVersion: "15", apiLevel: 35, buildId: "AP4A.250105.002" },
  { manufacturer: "Google", model: "Pixel 7a", osVersion: "14", apiLevel: 34, buildId: "UQ1A.240205.002" },
  { manufacturer: "samsung", model: "SM-S921B", osVersion: "14", apiLevel: 34, buildId: "UP1A.231005.007" },
  { manufacturer: "samsung", model: "SM-A546B", osVersion: "13", apiLevel: 33, buildId: "TP1A.220624.014" },
  {
    manufacturer: "motorola",
    model: "moto g84 5G",
    osVersion: "14",
    apiLevel: 34,
    buildId: "U1TCS34.22-63-3",
  },
];

const SYSTEM_APPS = [
  { packageName: "com.android.chrome", name: "Chrome", version: "131.0.6778.135" },
  { packageName: "com.google.android.gm", name: "Gmail", version: "2024.12.08" },
  { packageName: "com.android.settings", name: "Settings", version: "14" },
];

/** The Luhn check digit that makes a 14-digit body a valid IMEI. */
function luhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit *= 2;
    sum += digit > 9 ? digit - 9 : digit;
  }
  return String((10 - (sum % 10)) % 10);
}

export function androidProfile(index = randomInt(1_000_000)): DeviceProfile {
  const base = MODELS[index % MODELS.length]!;
  const body = `35${String(100_000_000_000 + index).slice(-12)}`;
  return {
    ...base,
    securityPatchLevel: "2024-12-05",
    serialNumber: randomBytes(6).toString("hex").toUpperCase(),
    imei: body + luhn(body),
    wifiMac: [...randomBytes(6)].map((b) => b.toString(16).padStart(2, "0")).join(":"),
    apps: [
      ...SYSTEM_APPS.map((app) => ({ ...app, installSource: "system" as const, managed: false })),
      {
        packageName: "com.example.corporate.mail",
        name: "Corporate Mail",
        version: "5.2.1",
        installSource: "managed",
        managed: true,
      },
    ],
  };
}
