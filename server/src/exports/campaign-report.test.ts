import { describe, expect, it } from "vitest";
import { campaignReportHtml, composeCampaignReport } from "./campaign-report.ts";
import type { CampaignReportData } from "./campaign-report-data.ts";

const data: CampaignReportData = {
  name: "2024年第一季度巡视整改专项督查",
  offices: ["纪委监委", "市委办"],
  period: ["2024-03-01", "2024-03-31"],
  inspection: "省委第二巡视组对常熟市巡视",
  coverage: {
    total: 2,
    done: 1,
    notYet: 0,
    overdue: 1,
    byTeam: [],
    byUnit: [{ id: "u", name: "市住建局", total: 2, done: 1, notYet: 0, overdue: 1 }],
  },
  targets: [
    {
      team: "一组",
      unit: "市住建局",
      measure: "问题1（1）…",
      methods: ["SITE_VISIT", "LEDGER_CHECK"],
      missing: ["LEDGER_CHECK"],
      status: "OVERDUE",
    },
  ],
  byKind: { SITE_VISIT: 2, LEDGER_CHECK: 0, ONSITE_QUESTIONING: 1 },
  byRating: { ON_TRACK: 1, LAGGING: 0, PROBLEM_FOUND: 2, NONE: 0 },
  actions: [{ unit: "市住建局", opened: 2, answered: 1, confirmed: 1, overdue: 1 }],
  findings: [
    {
      date: "2024-03-05",
      kind: "SITE_VISIT",
      inspector: "李督查",
      problem: "问题1 <b>",
      findings: "公示栏未更新",
      rating: "PROBLEM_FOUND",
      followUp: true,
      photos: 2,
    },
  ],
};

describe("composeCampaignReport", () => {
  it("states the figures in the words an office sends", () => {
    const r = composeCampaignReport(data);
    expect(r.title).toBe("2024年第一季度巡视整改专项督查督查情况通报");
    expect(r.intro).toContain("纪委监委、市委办联合于2024-03-01至2024-03-31");
    expect(r.blocks[0]!.intro).toBe("本次督查共安排督查对象2个，已完成1个，未完成0个，逾期未完成1个。");
    expect(r.blocks[0]!.rows[0]![4]).toBe("逾期未完成（尚缺查阅台账）");
    expect(r.blocks[2]!.intro).toContain("实地走访2次、查阅台账0次、现场问询1次");
    expect(r.blocks[3]!.intro).toBe("共交办督促整改事项2项，已答复1项，已确认办结1项，逾期未答复1项。");
  });
  it("escapes every value in HTML", () => {
    const html = campaignReportHtml(data);
    expect(html).toContain("问题1 &lt;b&gt;");
    expect(html).not.toContain("<b>");
  });
});
