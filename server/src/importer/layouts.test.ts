// One small report written in the layouts real reports use (DOMAIN.md "Real report layouts"): each must parse to the same
// problems, statuses and measures, with its summary figures read and checked.
import { describe, expect, it } from "vitest";
import { countReport, parseReport } from "./parse-report.ts";

const HEAD = "根据市委统一部署，市委第二巡察组于2023年4月3日至6月2日对市民政局党组开展了巡察，并于7月20日进行了反馈。";
const TAIL = "中共某市民政局党组\n2024年1月15日";

const expected = [
  { title: "议事决策不规范", status: "COMPLETED", measures: ["修订议事规则。", "建立会议台账。"] },
  { title: "资金监管不严", status: "CONTINUING", measures: ["开展专项检查。", "健全审批制度。"] },
];

const layouts: Record<string, string> = {
  "sections, N. and (N)": `${HEAD}\n一、整改进展情况\n（一）已整改到位的问题\n1.关于“议事决策不规范”问题的整改。\n（1）修订议事规则。\n（2）建立会议台账。\n（二）基本完成、需巩固提升的问题\n1.关于“资金监管不严”问题的整改。\n（1）开展专项检查。\n（2）健全审批制度。\n${TAIL}`,
  "no frame, 问题一： and 整改：": `${HEAD}\n问题一：议事决策不规范。\n整改：\n1.修订议事规则。\n2.建立会议台账。\n完成情况：已完成\n问题二：资金监管不严。\n整改：\n1.开展专项检查。\n2.健全审批制度。\n完成情况：持续推进\n${TAIL}`,
  "(一)关于 with 整改落实情况： and own words": `${HEAD}\n反馈2个方面2个问题，已完成整改1个，正在整改1个，整改完成率50%。\n一、在“民主集中制”方面存在的问题整改情况\n（一）关于“议事决策不规范”问题的整改\n整改落实情况：\n一是修订议事规则。\n二是建立会议台账。目前已完成整改。\n二、在“资金管理”方面存在的问题整改情况\n（二）关于“资金监管不严”问题的整改\n整改落实情况：\n一是开展专项检查。\n二是健全审批制度。该问题正在整改。\n${TAIL}`,
  "numbers lost, 立行立改 / 长期坚持": `${HEAD}\n（一）立行立改的问题\n关于“议事决策不规范”问题的整改。\n（1）修订议事规则。\n（2）建立会议台账。\n（二）长期坚持的问题\n关于“资金监管不严”问题的整改。\n（1）开展专项检查。\n（2）健全审批制度。\n${TAIL}`,
};

describe("one report in many layouts", () => {
  it.each(Object.entries(layouts))("%s", (_name, text) => {
    const r = parseReport(text);
    const got = r.problems.map((p) => ({
      title: p.title,
      status: p.status,
      measures: p.measures.map((m) => m.text.replace(/目前已完成整改。|该问题正在整改。/, "")),
    }));
    expect(got).toEqual(expected);
    expect(r.header).toMatchObject({
      team: "市委第二巡察组",
      inspectedBody: "市民政局党组",
      feedbackDate: "2023-07-20",
    });
    expect(r).toMatchObject({ issuer: "中共某市民政局党组", reportDate: "2024-01-15" });
    expect(r.warnings).toEqual([]);
    expect(countReport(r)).toMatchObject({ problems: 2, completed: 1, continuing: 1 });
  });

  it("reads N个方面M个问题 as M problems in N categories and warns when the figures disagree", () => {
    const r = parseReport(layouts["(一)关于 with 整改落实情况： and own words"]!);
    expect(r.summary).toEqual({ categories: 2, feedback: 2, completed: 1, inProgress: 1, completionRate: 50 });
    const wrong = parseReport(layouts["sections, N. and (N)"]!.replace(HEAD, `${HEAD}反馈3个问题，已完成3个。`));
    expect(wrong.warnings.map((w) => w.code)).toEqual(["SUMMARY_MISMATCH", "SUMMARY_MISMATCH"]);
  });
});
