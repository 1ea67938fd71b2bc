// Builders for inspection-record envelopes and photo bytes, and raw calls of the sync endpoints.
import { createHash, randomUUID } from "node:crypto";
import type { RecordEnvelope } from "@rectify/server/sync";
import type { TestApp } from "./test-app.ts";

export function photoOf(bytes: Buffer, variant: "original" | "stamped" = "stamped") {
  return {
    id: randomUUID(),
    sha256: createHash("sha256").update(bytes).digest("hex"),
    size: bytes.length,
    mimeType: "image/jpeg" as const,
    variant,
    fileName: `IMG_${variant}.jpg`,
  };
}

export function siteVisit(problemId: string, measureIds: string[], over: Partial<RecordEnvelope> = {}): RecordEnvelope {
  return {
    recordId: randomUUID(),
    revision: 1,
    baseVersion: 0,
    kind: "SITE_VISIT",
    problemId,
    measureIds,
    deviceTime: new Date(Date.now() - 60_000).toISOString(),
    position: { latitude: 31.654, longitude: 120.752, accuracyM: 8 },
    findings: "整改公示栏已更新。",
    rating: "ON_TRACK",
    followUpRequired: false,
    details: { place: "虞山街道", peopleMet: "王主任", observations: "现场查看台账" },
    photos: [],
    ...over,
  } as RecordEnvelope;
}

export const SYNC = `mutation($e: JSON!) { syncRecord(envelope: $e) { recordId outcome serverVersion missingPhotos error { code message } } }`;

export async function send(app: TestApp, role: Parameters<TestApp["as"]>[0], env: unknown) {
  const r: any = await app.as(role)(SYNC, { e: env });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.syncRecord as {
    recordId: string;
    outcome: string;
    serverVersion: number | null;
    missingPhotos: string[];
    error: { code: string; message: string } | null;
  };
}

export async function upload(
  app: TestApp,
  token: string | null,
  photoId: string,
  method: "HEAD" | "PATCH",
  offset?: number,
  body?: Buffer,
) {
  return fetch(`${app.url}/uploads/${photoId}`, {
    method,
    headers: {
      "Tus-Resumable": "1.0.0",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(offset !== undefined
        ? { "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" }
        : {}),
    },
    body: body ? new Uint8Array(body) : undefined,
  });
}
