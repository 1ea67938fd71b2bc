// Form ↔ envelope mapping: a filled form validates with the protocol's own validator, round-trips through
// formFromContent, and protocol issues land on the right fields.
import { describe, expect, it } from "vitest";
import { validateEnvelope, type PhotoRef } from "@rectify/server/sync";
import { checkForm, errorsFromIssues, fieldForPath, firstErrorField } from "./form-errors.ts";
import { emptyForm, formFromContent, formToContent, hasContent, photoSlotsLeft, type FormState } from "./form-model.ts";

const NOW = Date.parse("2024-03-15T02:00:00Z");
const PROBLEM = "3f2c1d0e-9b8a-4c7d-8e6f-5a4b3c2d1e0f";
const MEASURE = "3f2c1d0e-9b8a-4c7d-8e6f-5a4b3c2d1e10";
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const ref = (n: number, variant: PhotoRef["variant"], mimeType: PhotoRef["mimeType"] = "image/jpeg"): PhotoRef => ({
  id: uuid(n),
  sha256: "a".repeat(64),
  size: 1000 + n,
  mimeType,
  variant,
  fileName: `p${n}.jpg`,
});

function filled(kind: FormState["kind"]): FormState {
  const f = emptyForm(uuid(1), PROBLEM, "2024-03-15T09:58:00+08:00");
  return {
    ...f,
    kind,
    measureIds: [MEASURE],
    position: { latitude: 31.65, longitude: 120.75, accuracyM: 12 },
    findings: " 台账齐全 ",
    lookBack: true,
    rating: "ON_TRACK",
    site: { place: "市住建局", peopleMet: "王科长", observations: "已整改" },
    ledger: { ledgers: "2023年度台账", observations: "记录完整" },
    questioning: { name: "张三", post: "科员", unit: "住建局", qa: [{ question: "何时完成？", answer: "6月" }] },
    signature: { strokes: [[0.1, 0.1, 0.2, 0.2]], ref: ref(9, "original", "image/png") },
    photos: [{ stamped: ref(2, "stamped"), original: ref(3, "original") }],
  };
}

describe("formToContent", () => {
  it.each(["SITE_VISIT", "LEDGER_CHECK", "ONSITE_QUESTIONING"] as const)("%s produces a valid envelope", (kind) => {
    const content = formToContent(filled(kind));
    const checked = validateEnvelope({ ...content, revision: 1, baseVersion: 0 }, new Date(NOW));
    expect(checked.ok, JSON.stringify(!checked.ok && checked.error.issues)).toBe(true);
    expect(content.findings).toBe("台账齐全");
  });

  it("lists stamped then original per capture, and the signature last only for questioning", () => {
    expect(formToContent(filled("ONSITE_QUESTIONING")).photos.map((p) => p.id)).toEqual([uuid(2), uuid(3), uuid(9)]);
    expect(formToContent(filled("SITE_VISIT")).photos.map((p) => p.id)).toEqual([uuid(2), uuid(3)]);
    const c = formToContent(filled("ONSITE_QUESTIONING"));
    expect(c.kind === "ONSITE_QUESTIONING" && c.details.signature).toEqual({ photoId: uuid(9) });
  });

  it("round-trips through formFromContent", () => {
    for (const kind of ["SITE_VISIT", "LEDGER_CHECK", "ONSITE_QUESTIONING"] as const) {
      const content = formToContent(filled(kind));
      expect(formToContent(formFromContent(content))).toEqual(content);
    }
  });
});

describe("checkForm", () => {
  it("accepts a filled form and names what is missing in an empty one", () => {
    expect(checkForm(filled("SITE_VISIT"), NOW)).toEqual({});
    const empty = { ...emptyForm(uuid(1), null, "2024-03-15T09:58:00+08:00"), kind: "ONSITE_QUESTIONING" as const };
    expect(checkForm(empty, NOW)).toEqual({
      item: { key: "error.noItem" },
      intervieweeName: { key: "error.required" },
      "qa.0.question": { key: "error.qaEmpty" },
    });
  });

  it("refuses a time in the future", () => {
    const f = { ...filled("LEDGER_CHECK"), deviceTime: "2024-03-15T10:30:00+08:00" };
    expect(checkForm(f, NOW).time).toEqual({ key: "error.futureTime" });
  });

  it("counts photo slots, two per capture and one for the signature", () => {
    expect(photoSlotsLeft(filled("SITE_VISIT"))).toBe(9);
    expect(photoSlotsLeft(filled("ONSITE_QUESTIONING"))).toBe(8);
  });

  it("leaves lookBack out unless set, so older envelopes hash the same", () => {
    const { lookBack: _l, ...rest } = filled("SITE_VISIT");
    expect("lookBack" in formToContent(rest)).toBe(false);
    expect(formToContent({ ...rest, lookBack: false })).toEqual(formToContent(rest));
    expect(formToContent(filled("SITE_VISIT")).lookBack).toBe(true);
  });

  it("knows when there is something to keep", () => {
    expect(hasContent(emptyForm(uuid(1), PROBLEM, "x"))).toBe(false);
    expect(hasContent({ ...emptyForm(uuid(1), PROBLEM, "x"), measureIds: [MEASURE] })).toBe(false);
    expect(hasContent(filled("SITE_VISIT"))).toBe(true);
  });
});

describe("protocol issues on fields", () => {
  const form = filled("ONSITE_QUESTIONING");
  it("maps paths to fields", () => {
    expect(fieldForPath("problemId", form)).toBe("item");
    expect(fieldForPath("measureIds[1]", form)).toBe("measures");
    expect(fieldForPath("details.qa[0].answer", form)).toBe("qa.0.answer");
    expect(fieldForPath("details.signature.photoId", form)).toBe("signature");
    expect(fieldForPath("photos[2].size", form)).toBe("signature");
    expect(fieldForPath("photos[0].size", form)).toBe("photos");
    expect(fieldForPath("", form)).toBe("form");
  });

  it("maps the validator's real output, with readable messages", () => {
    const bad = { ...formToContent(form), deviceTime: "2024-03-15T11:00:00+08:00", revision: 1, baseVersion: 0 };
    (bad.details as { interviewee: { name: string } }).interviewee.name = " ";
    const checked = validateEnvelope(bad, new Date(NOW));
    expect(checked.ok).toBe(false);
    const errors = errorsFromIssues(checked.ok ? [] : checked.error.issues, form);
    expect(errors.intervieweeName).toEqual({ key: "error.required" });
    expect(firstErrorField(errors)).toBe("intervieweeName");
    const tooBig = errorsFromIssues([{ path: "photos[0].size", message: "must be at most 20 MiB" }], form);
    expect(tooBig.photos).toEqual({ key: "error.photoTooLarge" });
  });
});
