// Header detection: the synonyms, bracketed notes, a title above, user corrections and duplicates.
import { describe, expect, it } from "vitest";
import { detectColumns, detectField, findHeaderRow } from "./columns.ts";

describe("detectField", () => {
  it.each([
    ["序号", "number"],
    ["问题编号", "number"],
    ["反馈问题", "problem"],
    ["问题内容", "problem"],
    ["存在问题", "problem"],
    ["整改措施", "measure"],
    ["整改任务", "measure"],
    ["具体措施", "measure"],
    ["牵头领导", "leadLeader"],
    ["责任领导", "leadLeader"],
    ["分管领导", "leadLeader"],
    ["责任单位", "responsibleUnit"],
    ["牵头单位", "responsibleUnit"],
    ["责任部门", "responsibleUnit"],
    ["配合单位", "participants"],
    ["参与单位", "participants"],
    ["协办单位", "participants"],
    ["完成时限", "deadline"],
    ["整改时限", "deadline"],
    ["完成时限（时间节点）", "deadline"],
    ["整改进展", "progress"],
    ["进展情况", "progress"],
    ["完成情况", "status"],
    ["整改状态", "status"],
    ["是否完成", "status"],
    ["备注", "remarks"],
    ["巡察反馈的问题", "problem"],
    ["整 改 措 施", "measure"],
    ["最近核查", "ignore"],
    ["联系电话", null],
  ])("%s → %s", (header, field) => expect(detectField(header)).toBe(field));
});

describe("findHeaderRow", () => {
  it("skips titles and notes above the header", () => {
    const rows = [
      ["市财政局巡察整改台账", null, null],
      ["填报单位：市财政局", null, "填报时间：2024年3月"],
      [null, null, null],
      ["序号", "反馈问题", "整改措施"],
      [1, "问题", "措施"],
    ];
    expect(findHeaderRow(rows)).toBe(4);
  });

  it("finds none when no row names a problem or a measure", () => {
    expect(
      findHeaderRow([
        ["姓名", "电话"],
        ["张三", "123"],
      ]),
    ).toBeNull();
    expect(findHeaderRow([["问题"], ["x"]])).toBeNull();
  });
});

describe("detectColumns", () => {
  it("applies corrections by header text and drops a second column of the same field", () => {
    const { columns, duplicates } = detectColumns(
      ["序号", "反馈问题", "整改措施", "具体措施", "联系人", null, "备注"],
      [
        { header: "联系人", field: "leadLeader" },
        { header: "备注", field: "ignore" },
      ],
    );
    expect(columns.map((c) => [c.index, c.field])).toEqual([
      [1, "number"],
      [2, "problem"],
      [3, "measure"],
      [4, null],
      [5, "leadLeader"],
      [7, "ignore"],
    ]);
    expect(duplicates.map((c) => c.header)).toEqual(["具体措施"]);
    expect(columns[4]!.detected).toBeNull();
  });
});
