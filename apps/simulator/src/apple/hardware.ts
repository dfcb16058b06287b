import { randomBytes, randomInt, randomUUID } from "node:crypto";

export type ApplePlatform = "ios" | "macos";

/** What a simulated iPhone or Mac says about itself in Authenticate and DeviceInformation. */
export interface AppleHardware {
  platform: ApplePlatform;
  udid: string;
  serialNumber: string;
  /** The model identifier, e.g. iPhone15,2 or Mac14,2 (Apple's ProductName). */
  productName: string;
  /** The order number, e.g. MQ0T3LL/A (Apple's Model). */
  model: string;
  /** iPhone, MacBook Air... */
  modelName: string;
  deviceName: string;
  osVersion: string;
  buildVersion: string;
  imei?: string;
  wifiMac: string;
  bluetoothMac: string;
  /** Gigabytes, as Apple reports them. */
  capacityGb: number;
  availableGb: number;
  batteryLevel: number;
}

// Real model identifiers with OS releases they shipped or run (as in Apple's DeviceInformation answers).
const PHONES = [
  { productName: "iPhone15,2", model: "MQ0T3LL/A", modelName: "iPhone", os: ["17.6.1", "21G93"] },
  { productName: "iPhone16,1", model: "MTLX3LL/A", modelName: "iPhone", os: ["18.1", "22B83"] },
  { productName: "iPhone14,7", model: "MPU93LL/A", modelName: "iPhone", os: ["17.5.1", "21F90"] },
] as const;
const MACS = [
  { productName: "Mac14,2", model: "MLY33LL/A", modelName: "MacBook Air", os: ["14.6.1", "23G93"] },
  { productName: "Mac15,3", model: "MTL73LL/A", modelName: "MacBook Pro", os: ["15.1", "24B83"] },
  { productName: "Mac14,3", model: "MMFJ3LL/A", modelName: "Mac mini", os: ["14.7", "23H124"] },
] as const;

// Apple serials since 2021 are 10 random characters from a set without vowels that read as digits.
const SERIAL_CHARACTERS = "BCDFGHJKLMNPQRTVWXYZ0123456789";
const serialNumber = () =>
  Array.from({ length: 10 }, () => SERIAL_CHARACTERS[randomInt(SERIAL_CHARACTERS.length)]).join("");
const mac = () =>
  [...randomBytes(6)]
    .map((byte, i) => (i === 0 ? byte & 0xfc : byte).toString(16).padStart(2, "0"))
    .join(":");

/** A 15-digit IMEI with its Luhn check digit, from an Apple type allocation code. */
function imei(): string {
  const body = `35${String(randomInt(1e6)).padStart(6, "0")}${String(randomInt(1e6)).padStart(6, "0")}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[i]) * (i % 2 === 1 ? 2 : 1);
    sum += digit > 9 ? digit - 9 : digit;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * Device `index` of a simulated fleet: models cycle, serials and UDIDs are random so that runs never
 * collide. iPhones since the XS have "00008xxx-…" UDIDs; Macs use a UUID.
 */
export function appleHardware(platform: ApplePlatform, index: number): AppleHardware {
  const number = String(index + 1).padStart(5, "0");
  if (platform === "ios") {
    const phone = PHONES[index % PHONES.length]!;
    return {
      platform,
      udid: `00008120-${randomBytes(8).toString("hex").toUpperCase()}`,
      serialNumber: serialNumber(),
      productName: phone.productName,
      model: phone.model,
      modelName: phone.modelName,
      deviceName: `iPhone sim-${number}`,
      osVersion: phone.os[0],
      buildVersion: phone.os[1],
      imei: imei(),
      wifiMac: mac(),
      bluetoothMac: mac(),
      capacityGb: 128,
      availableGb: 40 + randomInt(80),
      batteryLevel: (20 + randomInt(80)) / 100,
    };
  }
  const computer = MACS[index % MACS.length]!;
  return {
    platform,
    udid: randomUUID().toUpperCase(),
    serialNumber: serialNumber(),
    productName: computer.productName,
    model: computer.model,
    modelName: computer.modelName,
    deviceName: `Mac sim-${number}`,
    osVersion: computer.os[0],
    buildVersion: computer.os[1],
    wifiMac: mac(),
    bluetoothMac: mac(),
    capacityGb: 512,
    availableGb: 100 + randomInt(300),
    batteryLevel: computer.modelName === "Mac mini" ? -1 : (20 + randomInt(80)) / 100,
  };
}
