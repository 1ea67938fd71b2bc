// English strings of the device's own failure modes; typed against the zh-CN keys.
import type { DeviceMessages } from "./messages-device-zh-cn.ts";

export const enDevice: DeviceMessages = {
  "device.storageFull":
    "This device is out of storage: the last photo or record was not saved. Records saved before are unharmed. Sync and clear synced records first.",
  "device.storageLow":
    "This device is almost out of storage (about {free} left). Sync and clear synced records first, or new photos may not be saved.",
};
