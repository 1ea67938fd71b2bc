// validateEnvelope: accepts valid records of every kind, refuses each kind of bad field with a message naming its path.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateEnvelope, type ValidationResult } from "./validate.ts";
import { beforeInspection, MAX_RECORD_CHARS } from "./envelope.ts";
import { contentArb, NOW, PHOTO, questioning, RECORD_ID, siteVisit } from "./test-fixtures.ts";

function failure(r: ValidationResult) {
  if (r.ok) throw new Error("expected the record to be refused");
  return r.error;
}

describe("validateEnvelope", () => {
  it("accepts a valid site visit and a valid questioning", () => {
    expect(validateEnvelope(siteVisit(), NOW)).toEqual({ ok: true, value: siteVisit() });
    expect(validateEnvelope(questioning(), NOW).ok).toBe(true);
    expect(validateEnvelope(siteVisit({ position: null, rating: null, photos: [], measureIds: [] }), NOW).ok).toBe(
      true,
    );
  });

  it("accepts a record naming a campaign target, and one without (older clients)", () => {
    const withTarget = siteVisit({ targetId: PHOTO.id.toUpperCase() });
    const r = validateEnvelope(withTarget, NOW);
    expect(r.ok && r.value.targetId).toBe(PHOTO.id);
    expect(validateEnvelope(siteVisit(), NOW).ok).toBe(true);
    expect("targetId" in siteVisit()).toBe(false);
  });

  it("accepts every generated valid record", () => {
    fc.assert(
      fc.property(contentArb(RECORD_ID), fc.integer({ min: 1, max: 50 }), fc.nat(50), (c, revision, baseVersion) => {
        const r = validateEnvelope({ ...c, revision, baseVersion }, NOW);
        expect(r.ok ? null : r.error.message).toBeNull();
      }),
    );
  });

  it("lowercases ids so hashes and comparisons agree", () => {
    const r = validateEnvelope(siteVisit({ recordId: RECORD_ID.toUpperCase() }), NOW);
    expect(r.ok && r.value.recordId).toBe(RECORD_ID);
  });

  it("names the field path in a readable message", () => {
    const e = failure(
      validateEnvelope(
        siteVisit({ details: { place: "  ", peopleMet: "", observations: "" }, photos: [{ ...PHOTO, sha256: "ABC" }] }),
        NOW,
      ),
    );
    expect(e.code).toBe("SYNC_INVALID_RECORD");
    expect(e.issues).toEqual([
      { path: "photos[0].sha256", message: "must be 64 lowercase hex characters" },
      { path: "details.place", message: "must not be empty" },
    ]);
    expect(e.message).toBe(
      "Invalid inspection record: photos[0].sha256 must be 64 lowercase hex characters; details.place must not be empty.",
    );
  });

  it.each([
    ["not an object", 42, "", "must be an object"],
    [
      "unknown kind",
      { ...siteVisit(), kind: "PHONE_CALL" },
      "kind",
      "must be one of SITE_VISIT, LEDGER_CHECK, ONSITE_QUESTIONING",
    ],
    ["missing field", { ...siteVisit(), findings: undefined }, "findings", "is required"],
    ["wrong type", { ...siteVisit(), followUpRequired: "yes" }, "followUpRequired", "must be true or false"],
    ["unknown field", { ...siteVisit(), extra: 1 }, "", 'has unknown field "extra"'],
    ["bad record id", siteVisit({ recordId: "abc" }), "recordId", "must be a UUID"],
    ["revision 0", siteVisit({ revision: 0 }), "revision", "must be 1 or more"],
    ["fractional baseVersion", siteVisit({ baseVersion: 1.5 }), "baseVersion", "must be a whole number"],
    [
      "no offset",
      siteVisit({ deviceTime: "2024-03-15T09:30:00" }),
      "deviceTime",
      "must be an ISO-8601 date-time with a time-zone offset",
    ],
    [
      "latitude",
      siteVisit({ position: { latitude: 91, longitude: 0, accuracyM: 1 } }),
      "position.latitude",
      "must be between -90 and 90",
    ],
    [
      "accuracy",
      siteVisit({ position: { latitude: 0, longitude: 0, accuracyM: -1 } }),
      "position.accuracyM",
      "must be 0 or more metres",
    ],
    ["findings too long", siteVisit({ findings: "x".repeat(20_001) }), "findings", "must be at most 20000 characters"],
    [
      "bad rating",
      { ...siteVisit(), rating: "GOOD" },
      "rating",
      "must be one of ON_TRACK, LAGGING, PROBLEM_FOUND or null",
    ],
    ["duplicate measure", siteVisit({ measureIds: [PHOTO.id, PHOTO.id] }), "measureIds[1]", "is listed twice"],
    ["duplicate photo", siteVisit({ photos: [PHOTO, PHOTO] }), "photos[1].id", "is listed twice"],
    [
      "photo too big",
      siteVisit({ photos: [{ ...PHOTO, size: 20 * 1024 * 1024 + 1 }] }),
      "photos[0].size",
      "must be at most 20 MiB",
    ],
    ["photo empty", siteVisit({ photos: [{ ...PHOTO, size: 0 }] }), "photos[0].size", "must be at least 1 byte"],
    [
      "photo type",
      { ...siteVisit(), photos: [{ ...PHOTO, mimeType: "image/gif" }] },
      "photos[0].mimeType",
      "must be one of image/jpeg, image/png, image/webp",
    ],
    [
      "too many photos",
      siteVisit({
        photos: Array.from({ length: 21 }, (_, i) => ({
          ...PHOTO,
          id: `1c2d3e4f-5a6b-4c7d-8e9f-${String(i).padStart(12, "0")}`,
        })),
      }),
      "photos",
      "must hold at most 20 photos",
    ],
    [
      "ledger blank",
      { ...siteVisit(), kind: "LEDGER_CHECK", details: { ledgers: "", observations: "" } },
      "details.ledgers",
      "must not be empty",
    ],
    ["details of another kind", { ...siteVisit(), kind: "LEDGER_CHECK" }, "details.ledgers", "is required"],
    [
      "no questions",
      questioning({ details: { interviewee: { name: "李四", post: "", unit: "" }, qa: [], signature: null } } as never),
      "details.qa",
      "must hold at least one question and answer",
    ],
    ["bad target id", siteVisit({ targetId: "nope" }), "targetId", "must be a UUID"],
    [
      "target without a measure",
      siteVisit({ targetId: PHOTO.id, measureIds: [] }),
      "measureIds",
      "must name the target's measure",
    ],
    [
      "signature not uploaded",
      questioning({ photos: [] }),
      "details.signature.photoId",
      "must also be listed in photos, so the signature image is uploaded",
    ],
  ])("refuses %s", (_name, input, path, message) => {
    expect(failure(validateEnvelope(input, NOW)).issues).toContainEqual({ path, message });
  });

  it("refuses a device clock more than five minutes ahead, but not less", () => {
    const at = (ms: number) => siteVisit({ deviceTime: new Date(NOW.getTime() + ms).toISOString() });
    expect(validateEnvelope(at(5 * 60_000), NOW).ok).toBe(true);
    const e = failure(validateEnvelope(at(10 * 60_000), NOW));
    expect(e.issues).toEqual([
      {
        path: "deviceTime",
        message: "is 10 minutes ahead of the server clock (at most 5 allowed); check the device clock",
      },
    ]);
  });

  it("refuses a device clock set to 0001-01-01 or 1970 (before 2000), but not 2000-01-01", () => {
    for (const t of ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1999-12-31T23:59:59Z"]) {
      expect(failure(validateEnvelope(siteVisit({ deviceTime: t }), NOW)).issues, t).toEqual([
        { path: "deviceTime", message: "is before 2000-01-01; check the device clock" },
      ]);
    }
    expect(validateEnvelope(siteVisit({ deviceTime: "2000-01-01T00:00:00Z" }), NOW).ok).toBe(true);
  });

  it("refuses a record whose whole content exceeds MAX_RECORD_CHARS, though each field is within its bound", () => {
    const qa = Array.from({ length: 20 }, () => ({ question: "问".repeat(10_000), answer: "答".repeat(10_000) }));
    const big = questioning({ details: { ...questioning().details, qa } } as never);
    const e = failure(validateEnvelope(big, NOW));
    expect(e.issues).toEqual([
      expect.objectContaining({ path: "", message: expect.stringContaining(`at most ${MAX_RECORD_CHARS}`) }),
    ]);
  });
});

describe("beforeInspection", () => {
  const start = new Date("2026-03-10T00:00:00Z"); // a date column: the day, at UTC midnight
  it("refuses a time before the inspection's first day in Asia/Shanghai, and accepts that day", () => {
    expect(beforeInspection("2026-03-09T15:59:59Z", start)).toBe(true);
    expect(beforeInspection("2026-03-10T07:59:59+08:00", start)).toBe(false);
    expect(beforeInspection("2026-03-10T00:00:00+08:00", start)).toBe(false);
    expect(beforeInspection("2020-01-01T00:00:00Z", null)).toBe(false);
  });
});
