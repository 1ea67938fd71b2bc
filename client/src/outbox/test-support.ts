// Test-only helpers: valid record content, outbox entries and photo bytes. Not imported by app code.
import { sha256Hex, type RecordContent, type RecordEnvelope } from "@rectify/server/sync";
import type { OutboxEntry } from "./outbox-store.ts";

export const PROBLEM_ID = "3f2c1d0e-9b8a-4c7d-8e6f-5a4b3c2d1e0f";
/** The default owner of test entries; OWNER_B is another user on the same phone. */
export const OWNER_A = "VXNlcjph";
export const OWNER_B = "VXNlcjpi";
export const T0 = Date.parse("2024-03-15T02:00:00Z");

/** A deterministic v4-shaped uuid from a small number. */
export function uuid(n: number, prefix = "0000"): string {
  return `${prefix.padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

export function photoBytes(n: number, size = 32): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 7 + n) & 0xff);
}

export function content(recordId: string, findings = "初次走访", photoIds: number[] = []): RecordContent {
  return {
    recordId,
    kind: "SITE_VISIT",
    problemId: PROBLEM_ID,
    measureIds: [],
    deviceTime: new Date(T0 - 60_000).toISOString(),
    position: null,
    findings,
    rating: null,
    followUpRequired: false,
    details: { place: "市住建局", peopleMet: "", observations: "" },
    photos: photoIds.map((n) => ({
      id: uuid(n, "f0"),
      sha256: sha256Hex(photoBytes(n)),
      size: photoBytes(n).length,
      mimeType: "image/jpeg" as const,
      variant: "original" as const,
      fileName: `photo-${n}.jpg`,
    })),
  };
}

export function entry(n: number, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  const id = uuid(n);
  const envelope = { ...content(id, `record ${n}`), revision: 1, baseVersion: 0 } as RecordEnvelope;
  return {
    id,
    ownerId: OWNER_A,
    envelope,
    state: "waiting",
    attempts: 0,
    nextAttemptAt: T0,
    lastError: null,
    serverVersion: null,
    missingPhotos: [],
    queuedAt: T0 + n,
    seq: n,
    sentRevision: 0,
    syncedAt: null,
    ...overrides,
  };
}
