// Turns files chosen or photographed on the device into evidence: checked against the accepted types and the
// size limit (the server sniffs again, this only spares a wasted upload), hashed, and their bytes kept in the
// outbox's blob store under a new id until the report is synced.
import { EVIDENCE_MIME_TYPES, MAX_EVIDENCE_BYTES, type EvidenceMimeType, type EvidenceRef } from "@rectify/server/sync";
import { sha256OfBytes } from "../lib/hash.ts";
import { newUuid } from "../lib/ids.ts";
import type { OutboxStore } from "../outbox/index.ts";

const BY_EXTENSION: Record<string, EvidenceMimeType> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

/** The accept attribute of the file picker. */
export const EVIDENCE_ACCEPT = [...EVIDENCE_MIME_TYPES, ...Object.keys(BY_EXTENSION).map((e) => `.${e}`)].join(",");

export type EvidenceProblem = "badType" | "tooLarge";

export function evidenceTypeOf(file: { name: string; type: string }): EvidenceMimeType | null {
  if ((EVIDENCE_MIME_TYPES as readonly string[]).includes(file.type)) return file.type as EvidenceMimeType;
  const ext = file.name.split(".").pop()?.toLowerCase() ?? "";
  return BY_EXTENSION[ext] ?? null;
}

export function checkEvidence(file: { name: string; type: string; size: number }): EvidenceProblem | null {
  if (!evidenceTypeOf(file)) return "badType";
  if (file.size > MAX_EVIDENCE_BYTES || file.size === 0) return "tooLarge";
  return null;
}

/** Stores the bytes on the device and returns the reference the report carries. */
export async function keepEvidence(store: OutboxStore, file: File): Promise<EvidenceRef> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mimeType = evidenceTypeOf(file)!;
  const id = newUuid();
  const fileName = file.name.replace(/[\\/]/g, "_").slice(0, 255) || "file";
  await store.putBlob(id, { bytes, mimeType, fileName });
  return { id, sha256: await sha256OfBytes(bytes), size: bytes.length, mimeType, fileName };
}
