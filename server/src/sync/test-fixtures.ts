// Test-only builders and fast-check arbitraries for valid envelopes; not exported from index.ts.
import fc from "fast-check";
import type { PhotoRef, RecordContent, RecordEnvelope } from "./envelope.ts";

export const RECORD_ID = "0b7e7c2a-5d4e-4f3a-9c1b-2a3d4e5f6a7b";
export const PROBLEM_ID = "3f2c1d0e-9b8a-4c7d-8e6f-5a4b3c2d1e0f";
export const MEASURE_IDS = ["6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d", "7b6c5d4e-3f2a-4b1c-8d9e-0f1a2b3c4d5e"];
export const PHOTO: PhotoRef = {
  id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
  sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
  size: 3,
  mimeType: "image/jpeg",
  variant: "stamped",
  fileName: "IMG_0001.jpg",
};
export const NOW = new Date("2024-03-15T10:00:00+08:00");

export function siteVisit(overrides: Partial<RecordEnvelope> = {}): RecordEnvelope {
  return {
    recordId: RECORD_ID,
    revision: 1,
    baseVersion: 0,
    kind: "SITE_VISIT",
    problemId: PROBLEM_ID,
    measureIds: [...MEASURE_IDS],
    deviceTime: "2024-03-15T09:30:00+08:00",
    position: { latitude: 31.65, longitude: 120.75, accuracyM: 12.5 },
    findings: "台账已建立，但部分整改材料未归档。",
    rating: "LAGGING",
    followUpRequired: true,
    details: { place: "常熟市某街道办", peopleMet: "张主任", observations: "现场查看整改公示栏" },
    photos: [PHOTO],
    ...overrides,
  } as RecordEnvelope;
}

export function questioning(overrides: Partial<RecordEnvelope> = {}): RecordEnvelope {
  return siteVisit({
    kind: "ONSITE_QUESTIONING",
    details: {
      interviewee: { name: "李四", post: "科长", unit: "市住建局" },
      qa: [{ question: "整改台账何时更新？", answer: "每月一整理。" }],
      signature: { photoId: PHOTO.id },
    },
    ...overrides,
  } as Partial<RecordEnvelope>);
}

const uuid = fc.uuid({ version: 4 });
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

export const photoArb: fc.Arbitrary<PhotoRef> = fc.record({
  id: uuid,
  sha256: hex64,
  size: fc.integer({ min: 1, max: 20 * 1024 * 1024 }),
  mimeType: fc.constantFrom("image/jpeg" as const, "image/png" as const, "image/webp" as const),
  variant: fc.constantFrom("original" as const, "stamped" as const),
  fileName: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
});

const nonBlank = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);

/**
 * Any valid content for the given record id (deviceTime is always in the past of NOW). A campaign `targetId`
 * is present on some records only (older clients never send it), and only when the record names a measure.
 */
export function contentArb(recordId: string): fc.Arbitrary<RecordContent> {
  return baseContentArb(recordId).chain((c) =>
    c.measureIds.length === 0 ? fc.constant(c) : fc.option(uuid).map((t) => (t ? { ...c, targetId: t } : c)),
  );
}

function baseContentArb(recordId: string): fc.Arbitrary<RecordContent> {
  const common = {
    recordId: fc.constant(recordId),
    problemId: uuid,
    measureIds: fc.uniqueArray(uuid, { maxLength: 3 }),
    deviceTime: fc
      .integer({ min: Date.parse("2023-01-01T00:00:00Z"), max: NOW.getTime() })
      .map((t) => new Date(t).toISOString()),
    position: fc.option(
      fc.record({
        latitude: fc.double({ min: -90, max: 90, noNaN: true }),
        longitude: fc.double({ min: -180, max: 180, noNaN: true }),
        accuracyM: fc.double({ min: 0, max: 5000, noNaN: true }),
      }),
    ),
    findings: fc.string({ maxLength: 60 }),
    rating: fc.constantFrom("ON_TRACK" as const, "LAGGING" as const, "PROBLEM_FOUND" as const, null),
    followUpRequired: fc.boolean(),
    photos: fc.uniqueArray(photoArb, { maxLength: 3, selector: (p) => p.id }),
  };
  return fc.oneof(
    fc.record({
      ...common,
      kind: fc.constant("SITE_VISIT" as const),
      details: fc.record({ place: nonBlank, peopleMet: fc.string(), observations: fc.string() }),
    }),
    fc.record({
      ...common,
      kind: fc.constant("LEDGER_CHECK" as const),
      details: fc.record({ ledgers: nonBlank, observations: fc.string() }),
    }),
    fc.record({
      ...common,
      kind: fc.constant("ONSITE_QUESTIONING" as const),
      details: fc.record({
        interviewee: fc.record({ name: nonBlank, post: fc.string(), unit: fc.string() }),
        qa: fc.array(fc.record({ question: fc.string(), answer: fc.string() }), { minLength: 1, maxLength: 3 }),
        signature: fc.constant(null),
      }),
    }),
  );
}
