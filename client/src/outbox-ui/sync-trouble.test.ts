// Error classification: each cause gets its kind and a message key in the catalogue; raw messages are details only.
import { describe, expect, it } from "vitest";
import { zhCN } from "../i18n/messages-zh-cn.ts";
import { describeSyncError } from "./sync-trouble.ts";

const e = (code: string, message = "Network error: Failed to fetch") => ({ code, message });

describe("describeSyncError", () => {
  it("tells no network from an unreachable server", () => {
    expect(describeSyncError(e("SYNC_UNREACHABLE"), true)).toMatchObject({
      kind: "unreachable",
      key: "syncError.SYNC_UNREACHABLE",
    });
    expect(describeSyncError(e("SYNC_OFFLINE"), false)).toMatchObject({
      kind: "offline",
      key: "syncError.SYNC_OFFLINE",
    });
    // The phone is offline now: that is the cause to fix, whatever the last failure was.
    expect(describeSyncError(e("SYNC_UNREACHABLE"), false)).toMatchObject({ kind: "offline" });
    // Entries saved by older releases carry SYNC_NETWORK for any failed fetch.
    expect(describeSyncError(e("SYNC_NETWORK"), true)).toMatchObject({
      kind: "unreachable",
      key: "syncError.SYNC_UNREACHABLE",
    });
    expect(describeSyncError(e("SYNC_TIMEOUT"), true)).toMatchObject({ kind: "unreachable" });
    expect(zhCN["syncError.SYNC_UNREACHABLE"]).toContain("服务器无法连接");
    expect(zhCN["syncError.SYNC_UNREACHABLE"]).not.toContain("网络不可用");
  });

  it("names a refusal with the server's code translated, and an expired session", () => {
    expect(describeSyncError(e("SYNC_INVALID_RECORD", "findings: required"), true)).toMatchObject({
      kind: "refused",
      key: "syncError.SYNC_INVALID_RECORD",
    });
    for (const code of ["FORBIDDEN", "VALIDATION_FAILED", "CSRF_REJECTED", "QUERY_TOO_COMPLEX", "SYNC_REFUSED"]) {
      expect(describeSyncError(e(code), true)).toMatchObject({ kind: "refused", key: `syncError.${code}` });
    }
    expect(describeSyncError(e("SYNC_AUTH_REQUIRED"), true)).toMatchObject({ kind: "expired" });
    expect(describeSyncError(e("UNAUTHENTICATED"), true)).toMatchObject({ kind: "expired" });
    expect(describeSyncError(e("SYNC_BUSY"), true)).toMatchObject({ kind: "busy" });
    expect(describeSyncError(e("SYNC_SERVER_ERROR"), true)).toMatchObject({ kind: "serverError" });
  });

  it("maps an unknown code to the generic localized message, keeping the raw text as a detail only", () => {
    const t = describeSyncError(e("SOMETHING_NEW", "TypeError: x is undefined"), true);
    expect(t).toEqual({ kind: "other", key: "syncError.other", detail: "SOMETHING_NEW: TypeError: x is undefined" });
    expect(describeSyncError(e("SYNC_UNEXPECTED"), true)).toMatchObject({ kind: "other", key: "syncError.other" });
  });

  it("has a catalogue message for every code the transport and engine produce", async () => {
    const { SYNC_TRANSPORT_CODES } = await import("../sync/http.ts");
    const { OUTBOX_ERROR_CODES } = await import("../outbox/index.ts");
    const codes = [...Object.values(SYNC_TRANSPORT_CODES), ...Object.values(OUTBOX_ERROR_CODES)];
    for (const code of codes) {
      const { key, kind } = describeSyncError(e(code), true);
      if (code !== "SYNC_UNEXPECTED") expect([code, key]).not.toEqual([code, "syncError.other"]);
      expect(kind).not.toBe(undefined);
    }
  });
});
