// What a stored file really is: its type sniffed from its bytes (file-type's magic numbers), never the name or
// the declared MIME type. Invariant: evidence of a progress update is stored only when its sniffed type is one
// of EVIDENCE_MIME_TYPES, and is then served with the sniffed type.
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { fileTypeFromStream } from "file-type";
import { EVIDENCE_MIME_TYPES, type EvidenceMimeType } from "../sync/index.ts";

const ACCEPTED: ReadonlySet<string> = new Set(EVIDENCE_MIME_TYPES);

/** The sniffed MIME type of a stored file's bytes, or null when they match no known format. */
export async function sniffMimeType(stream: Readable): Promise<string | null> {
  try {
    return (await fileTypeFromStream(Readable.toWeb(stream) as ReadableStream<Uint8Array>))?.mime ?? null;
  } finally {
    stream.destroy();
  }
}

export function acceptedEvidenceType(sniffed: string | null): EvidenceMimeType | null {
  return sniffed !== null && ACCEPTED.has(sniffed) ? (sniffed as EvidenceMimeType) : null;
}

/** Images and PDFs open in the browser; Word and Excel files download. */
export function previewable(mimeType: string): boolean {
  return mimeType === "application/pdf" || mimeType.startsWith("image/");
}
