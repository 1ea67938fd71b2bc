// English strings of the device's own failure modes; typed against the zh-CN keys.
import type { DeviceMessages } from "./messages-device-zh-cn.ts";

export const enDevice: DeviceMessages = {
  "device.storageFull":
    "This device is out of storage: the last photo or record was not saved. Records saved before are unharmed. Sync and clear synced records first.",
  "device.storageLow":
    "This device is almost out of storage (about {free} left). Sync and clear synced records first, or new photos may not be saved.",
  // Sync trouble, server probing, upload progress and login failures (issue 13).
  "net.unreachable": "Server unreachable",
  "syncError.SYNC_OFFLINE": "This device has no network; records sync once it is back",
  "syncError.SYNC_UNREACHABLE":
    "The server cannot be reached; the record is kept on this device and goes as soon as the server is back",
  "syncError.SYNC_REFUSED": "The server refused this submission",
  "syncError.SYNC_RATE_LIMITED": "Too many submissions; retrying shortly",
  "syncError.SYNC_BUSY": "The server is busy; retrying shortly",
  "syncError.SYNC_BAD_ANSWER": "The server's answer was not understood; retrying later",
  "syncError.SYNC_PHOTOS_INCOMPLETE": "Not all photos reached the server yet; the upload continues later",
  "syncError.SYNC_PHOTO_UNKNOWN": "The server has not received this record yet; photos follow later",
  "syncError.SYNC_FILE_TYPE_REFUSED": "Refused by the server: the file is not a PDF, Word, Excel or image file",
  "syncError.SYNC_REJECTED": "The server refused this record",
  "syncError.UNAUTHENTICATED": "Your session has expired; log in again to sync",
  "syncError.FORBIDDEN": "Refused by the server: you are not allowed to do this",
  "syncError.VALIDATION_FAILED": "Refused by the server: the content does not meet the requirements",
  "syncError.NOT_FOUND": "Refused by the server: the item or record was not found",
  "syncError.INVALID_ID": "Refused by the server: an identifier is malformed",
  "syncError.CONFLICT": "Refused by the server: it conflicts with the server's content",
  "syncError.RATE_LIMITED": "Too many submissions; retrying shortly",
  "syncError.CSRF_REJECTED":
    "The server refused a request from another address; open the app from its own address again",
  "syncError.QUERY_TOO_COMPLEX": "Refused by the server: the request is too complex",
  "syncError.details": "Technical details",
  "sync.troubleUnreachable":
    "The server cannot be reached. All records are kept on this device and go as soon as it is back.",
  "sync.troubleOffline": "This device has no network. All records are kept on this device and sync once it is back.",
  "sync.troubleExpired": "Your session has expired; records stay on this device. Log in again to continue syncing.",
  "sync.troubleRefused": "The server refused some records; see those marked “Needs attention” below.",
  "sync.troubleServer": "The server had a temporary error; retrying shortly.",
  "sync.probeAt": "Checking the server again at {time}",
  "sync.progressRecords": "Sending: {done}/{total} records done",
  "sync.progressBytes": "Photos uploaded {sent} / {total}",
  "sync.progressWaiting": "{count} more records queued",
  "sync.recordProgress": "Photos {done}/{count} · {sent} / {total}",
  "sync.progressLabel": "Sync progress",
  "login.noNetwork": "This device has no network; connect and log in. What you typed is kept.",
  "login.unreachable": "The server cannot be reached; try again shortly. What you typed is kept.",
  "login.failedGeneric": "Login failed; please try again shortly.",
};
