export {
  ApnsEmulator,
  startApnsEmulator,
  type ApnsDelivery,
  type ApnsEmulatorOptions,
} from "./apns/apns-emulator.js";
export {
  ApnsDeviceApiError,
  listenForPushes,
  registerApnsDevices,
  type ApnsPush,
  type ListenForPushesOptions,
} from "./apns/device-client.js";
export type { IssuedSigningKey, SigningKey } from "./apns/provider-token-verifier.js";
export type { Clock } from "./clock.js";
export { DeliveryHub, type DeliveryListener } from "./delivery-hub.js";
export { Faults, type FaultAction, type FaultSettings, type InjectedError } from "./faults.js";
export {
  FcmEmulator,
  startFcmEmulator,
  type FcmDelivery,
  type FcmEmulatorOptions,
} from "./fcm/fcm-emulator.js";
export type { ServiceAccountKey } from "./fcm/oauth-token-endpoint.js";
export { createLocalTlsIdentity, type TlsIdentity } from "./tls/local-ca.js";
export {
  startWnsEmulator,
  WnsEmulator,
  type WnsApp,
  type WnsDelivery,
  type WnsEmulatorOptions,
} from "./wns/wns-emulator.js";
export { runEmulator, type EmulatorKind, type RunEmulatorOptions, type RunningEmulator } from "./cli.js";
