// Names several to a cell, a leader's post, statuses and sections as offices write them.
import { describe, expect, it } from "vitest";
import { readPerson, readSection, readStatus, splitNames } from "./cell-words.ts";

describe("splitNames", () => {
  it("splits on 、，, / ; and new lines, keeping brackets inside names", () => {
    expect(splitNames("市财政局、市审计局，市发改委,各镇（街道）/ 市人社局；市教育局\n市卫健委")).toEqual([
      "市财政局",
      "市审计局",
      "市发改委",
      "各镇（街道）",
      "市人社局",
      "市教育局",
      "市卫健委",
    ]);
    expect(splitNames(" 市财政局 、 市财政局 ")).toEqual(["市财政局"]);
    expect(splitNames("")).toEqual([]);
    expect(splitNames(null)).toEqual([]);
  });
});

describe("readPerson", () => {
  it("takes a post in brackets apart", () => {
    expect(readPerson("张三（副市长）")).toEqual({ name: "张三", post: "副市长" });
    expect(readPerson("李四 (市委常委)")).toEqual({ name: "李四", post: "市委常委" });
    expect(readPerson("王五")).toEqual({ name: "王五", post: null });
  });
});

describe("readStatus", () => {
  it.each([
    ["已完成", "COMPLETED"],
    ["是", "COMPLETED"],
    ["已整改到位", "COMPLETED"],
    ["整改中", "IN_PROGRESS"],
    ["否", "IN_PROGRESS"],
    ["基本完成，需巩固提升", "IN_PROGRESS"],
    ["长期坚持", "IN_PROGRESS"],
    ["未启动", "NOT_STARTED"],
    ["已销号", "CLOSED"],
    ["申请销号", "CLOSE_REQUESTED"],
    ["反弹回潮", "RELAPSED"],
  ])("%s → %s", (text, status) => expect(readStatus(text)).toBe(status));

  it("leaves empty and unknown text to the caller", () => {
    expect(readStatus("")).toBeNull();
    expect(readStatus("看情况")).toBeNull();
  });
});

describe("readSection", () => {
  it("reads the export's labels and short forms", () => {
    expect(readSection("集中整改期内已完成")).toBe("COMPLETED");
    expect(readSection("按计划持续推进")).toBe("CONTINUING");
    expect(readSection("其他")).toBeNull();
  });
});
