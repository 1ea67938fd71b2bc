// Simplified Chinese strings of the device's own failure modes (storage space, another user's records); spread into the zh-CN catalogue.
export const zhCNDevice = {
  "device.storageFull":
    "本机存储空间已满，刚才的照片或记录未能保存；已保存的记录不受影响。请先同步并清理已同步的记录。",
  "device.storageLow": "本机存储空间即将用完（剩余约 {free}）。请先同步并清理已同步的记录，否则新照片可能无法保存。",
};
export type DeviceMessages = typeof zhCNDevice;
