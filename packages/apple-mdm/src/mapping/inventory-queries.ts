/**
 * What a Meridian inventory request asks an Apple device for: enough to fill the common model
 * (hardware, OS, storage, battery, radios) without the slow or privacy-heavy queries.
 */
export const INVENTORY_QUERIES = [
  "UDID",
  "DeviceName",
  "Model",
  "ModelName",
  "ProductName",
  "SerialNumber",
  "OSVersion",
  "BuildVersion",
  "DeviceCapacity",
  "AvailableDeviceCapacity",
  "BatteryLevel",
  "IMEI",
  "MEID",
  "WiFiMAC",
  "BluetoothMAC",
  "IsSupervised",
  "IsActivationLockEnabled",
] as const;
