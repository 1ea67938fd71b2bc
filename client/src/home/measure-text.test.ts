// Measure text layout: Chinese ordinals and the split into lead-in and points.
import { describe, expect, it } from "vitest";
import { cnNumber, measureParagraphs } from "./measure-text.ts";

describe("measure text", () => {
  it("writes Chinese ordinals", () => {
    expect([1, 9, 10, 12, 20, 35].map(cnNumber)).toEqual(["一", "九", "十", "十二", "二十", "三十五"]);
  });
  it("splits lead-in and points, or keeps the whole text", () => {
    expect(measureParagraphs("加强合作。一是甲；二是乙。", ["甲", "乙。"])).toEqual({
      lead: "加强合作。",
      points: [
        { marker: "一是", text: "甲" },
        { marker: "二是", text: "乙。" },
      ],
    });
    expect(measureParagraphs("没有要点", [])).toEqual({ lead: "没有要点", points: [] });
  });
});
