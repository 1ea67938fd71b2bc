// Supervisor view helpers: filter conversion with inclusive local days, defensive details, evidence photos.
import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, evidencePhotos, readDetails, toFilterInput } from "./records-model.ts";

describe("records model", () => {
  it("turns the filter form into the GraphQL filter", () => {
    expect(toFilterInput(EMPTY_FILTER, { problemId: null, measureId: null })).toEqual({});
    const f = toFilterInput(
      {
        inspectorId: "VXNlcjox",
        kind: "LEDGER_CHECK",
        from: "2024-03-01",
        to: "2024-03-31",
        rating: "LAGGING",
        followUp: "no",
      },
      { problemId: "UHJvYmxlbTox", measureId: null },
    );
    expect(f).toMatchObject({
      problemId: "UHJvYmxlbTox",
      inspectorId: "VXNlcjox",
      kind: "LEDGER_CHECK",
      rating: "LAGGING",
      followUpRequired: false,
    });
    expect(new Date(f.from!).getDate()).toBe(1);
    expect(new Date(f.to!).getMonth()).toBe(3); // exclusive end: the start of April 1st
  });

  it("reads details defensively", () => {
    expect(readDetails("SITE_VISIT", { place: "市局", peopleMet: "", observations: 3 }).rows).toEqual([
      { label: "site.place", value: "市局" },
    ]);
    const q = readDetails("ONSITE_QUESTIONING", {
      interviewee: { name: "张三", post: "科员", unit: "" },
      qa: [{ question: "问", answer: "答" }, null],
      signature: { photoId: "s1" },
    });
    expect(q.rows.map((r) => r.value)).toEqual(["张三", "科员"]);
    expect(q.qa).toEqual([
      { question: "问", answer: "答" },
      { question: "", answer: "" },
    ]);
    expect(q.signaturePhotoId).toBe("s1");
    expect(readDetails("LEDGER_CHECK", null)).toEqual({ rows: [], qa: [], signaturePhotoId: null });
  });

  it("shows stamped complete photos, never the signature", () => {
    const p = (id: string, variant: string, complete = true) => ({
      id,
      variant,
      complete,
      mimeType: "image/jpeg",
      url: "",
    });
    expect(
      evidencePhotos([p("a", "stamped"), p("b", "original"), p("c", "stamped", false), p("s", "original")], "s").map(
        (x) => x.id,
      ),
    ).toEqual(["a"]);
    expect(evidencePhotos([p("b", "original"), p("s", "original")], "s").map((x) => x.id)).toEqual(["b"]);
  });
});
