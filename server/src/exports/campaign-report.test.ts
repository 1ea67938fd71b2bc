import { describe, expect, it } from "vitest";
import { campaignReportDocx, campaignReportHtml, composeCampaignReport } from "./campaign-report.ts";
import { unzip } from "./test-unzip.ts";
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
      images: [{ id: "0b0b0b0b-0000-4000-8000-000000000001", sha256: "ab".repeat(32) }],
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
  it("shows the stamped photos: <img> from /files in HTML, embedded media in .docx", async () => {
    const html = campaignReportHtml(data);
    expect(html).toContain('<img src="/files/0b0b0b0b-0000-4000-8000-000000000001"');
    expect(html).toContain("附：督查现场照片");
    // A 2×1 PNG (IHDR only: Word needs the bytes and the size, the test only that they are packed).
    const png = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(png);
    png.write("IHDR", 12, "latin1");
    png.writeUInt32BE(2, 16);
    png.writeUInt32BE(1, 20);
    const asked: string[] = [];
    const docx = await campaignReportDocx(data, async (sha) => (asked.push(sha), png));
    expect(asked).toEqual(["ab".repeat(32)]);
    const media = [...unzip(docx).keys()].filter((k) => k.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    // A photo missing from the store is left out, not a broken picture.
    const none = await campaignReportDocx(data, async () => null);
    expect([...unzip(none).keys()].some((k) => k.startsWith("word/media/"))).toBe(false);
  });
});
