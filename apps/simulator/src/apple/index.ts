export { AppleDevice, type AppleDeviceOptions, type ReceivedAppleCommand } from "./apple-device.js";
export {
  runAppleSimulation,
  type AppleSimulationOptions,
  type AppleSimulationProgress,
  type AppleSimulationResult,
} from "./apple-simulation.js";
export { AppleEnrollmentRefused } from "./enrol.js";
export { networkPushListener } from "./network-push-listener.js";
export { appleHardware, type AppleHardware, type ApplePlatform } from "./hardware.js";
export {
  inProcessPushListener,
  sharedPushStream,
  type ApplePushListener,
  type OnApplePush,
} from "./push-listener.js";
