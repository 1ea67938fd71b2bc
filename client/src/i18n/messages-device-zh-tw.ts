// Traditional Chinese strings of the device's own failure modes; typed against the zh-CN keys.
import type { DeviceMessages } from "./messages-device-zh-cn.ts";

export const zhTWDevice: DeviceMessages = {
  "device.storageFull":
    "本機儲存空間已滿，剛才的照片或紀錄未能保存；已保存的紀錄不受影響。請先同步並清理已同步的紀錄。",
  "device.storageLow": "本機儲存空間即將用完（剩餘約 {free}）。請先同步並清理已同步的紀錄，否則新照片可能無法保存。",
};
