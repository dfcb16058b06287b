export {
  activateDevice,
  type DeviceCredentials,
  type DeviceDescription,
  type RelayContact,
} from "./agent/activate.js";
export { AgentDevice, type CommandOutcome, type ReceivedCommand } from "./agent/agent-device.js";
export { androidProfile, type DeviceProfile } from "./agent/device-profile.js";
export { openPushChannel, type PushChannel } from "./agent/push-channel.js";
export { DeviceHttpClient, DeviceHttpError, type Endpoint } from "./agent/https-client.js";
export {
  runSimulation,
  type SimulationOptions,
  type SimulationProgress,
  type SimulationResult,
} from "./simulation.js";
export * from "./apple/index.js";
