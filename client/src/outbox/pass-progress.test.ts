// Progress aggregation: records done / total and photo bytes sent / total across a pass, per-record photo counts,
// monotone bytes, and totals that grow when a record is saved during the pass.
import { describe, expect, it } from "vitest";
import { emptyPass, passProgress, withPhotoProgress, withRecordFinished } from "./pass-progress.ts";
import type { OutboxEntry } from "./outbox-store.ts";
import { entry, uuid } from "./test-support.ts";

function withPhotos(n: number, sizes: number[], state: OutboxEntry["state"] = "waiting"): OutboxEntry {
  const e = entry(n, { state });
  const photos = sizes.map((size, i) => ({ ...e.envelope.photos[0], id: uuid(n * 10 + i, "f0"), size }));
  return { ...e, envelope: { ...e.envelope, photos } as OutboxEntry["envelope"] };
}

describe("passProgress", () => {
  const a = withPhotos(1, [1000, 3000], "sending");
  const b = withPhotos(2, [500]);
  const c = withPhotos(3, []);

  it("starts with everything waiting and nothing sent", () => {
    expect(passProgress(emptyPass, [a, b, c])).toEqual({
      recordsDone: 0,
      recordsTotal: 3,
      bytesSent: 0,
      bytesTotal: 4500,
      current: { recordId: a.id, photosDone: 0, photosTotal: 2, bytesSent: 0, bytesTotal: 4000 },
      waiting: 2,
    });
  });

  it("adds the bytes the server holds of each photo, per record and overall; a photo is done at its size", () => {
    let s = withPhotoProgress(emptyPass, a.id, uuid(10, "f0"), 1000);
    s = withPhotoProgress(s, a.id, uuid(11, "f0"), 512);
    const p = passProgress(s, [a, b, c]);
    expect(p.current).toEqual({ recordId: a.id, photosDone: 1, photosTotal: 2, bytesSent: 1512, bytesTotal: 4000 });
    expect([p.bytesSent, p.bytesTotal]).toEqual([1512, 4500]);
    // A lower offset (the server lost a chunk and the upload re-reads it) does not move the bar back.
    expect(withPhotoProgress(s, a.id, uuid(11, "f0"), 100)).toBe(s);
  });

  it("counts a finished record with all its bytes, and raises totals for a record saved meanwhile", () => {
    let s = withPhotoProgress(emptyPass, a.id, uuid(10, "f0"), 1000);
    s = withRecordFinished(s, a);
    const bSending = { ...b, state: "sending" as const };
    const d = withPhotos(4, [200]);
    const p = passProgress(s, [bSending, c, d]);
    expect(p).toMatchObject({ recordsDone: 1, recordsTotal: 4, bytesSent: 4000, bytesTotal: 4700, waiting: 2 });
    expect(p.current).toMatchObject({ recordId: b.id, photosDone: 0, photosTotal: 1 });
    expect(s.uploads[a.id]).toBeUndefined();
  });

  it("never reports more sent than the total", () => {
    const s = withPhotoProgress(emptyPass, a.id, uuid(10, "f0"), 99_999);
    const p = passProgress(s, [a]);
    expect(p.bytesSent).toBe(1000);
    expect(p.current!.bytesSent).toBeLessThanOrEqual(p.current!.bytesTotal);
  });
});
