// The files of a close-out request (申请销号): picked from what the unit already reported on the measure, or
// declared new (uploaded afterwards like any evidence). Invariants: only files of this measure's own progress
// updates can be picked; a picked file is a new attachment row over the same stored bytes (content-addressed),
// so the request's evidence stays as it was even if a later update changes; a replayed request adds nothing.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Viewer } from "../context.ts";
import { ValidationError } from "../errors.ts";
import { derivedUuid, type EvidenceRef } from "../sync/index.ts";

type Tx = Prisma.TransactionClient;

export async function attachEvidence(
  tx: Tx,
  viewer: Viewer,
  updateId: string,
  measureId: string,
  pickedIds: readonly string[],
  newFiles: readonly EvidenceRef[],
) {
  const picked = await tx.attachment.findMany({
    where: { id: { in: [...pickedIds] }, progressUpdate: { measureId }, NOT: { progressUpdateId: updateId } },
  });
  if (picked.length !== new Set(pickedIds).size) {
    throw new ValidationError("A file picked is not one reported on this measure", [
      { path: "evidenceFileIds", message: "not on this measure" },
    ]);
  }
  const rows = [
    ...picked.map((a) => ({
      id: derivedUuid(a.id, updateId),
      sha256: a.sha256,
      size: a.size,
      mimeType: a.mimeType,
      fileName: a.fileName,
      receivedBytes: a.receivedBytes,
      completedAt: a.completedAt,
    })),
    ...newFiles.map((f) => ({ ...f, receivedBytes: 0, completedAt: null })),
  ];
  for (const row of rows) {
    await tx.attachment.upsert({
      where: { id: row.id },
      create: { ...row, uploadedById: viewer.id, progressUpdateId: updateId },
      update: {},
    });
  }
}
