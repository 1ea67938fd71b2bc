// Ledger cell texts: close-out state, latest progress and latest inspection, with days in Asia/Shanghai.
import { describe, expect, it } from "vitest";
import { closeOutLabel, joinNames, progressLabel, recordLabel, STATUS_LABEL } from "./ledger-labels.ts";

describe("ledger labels", () => {
  it("tell the close-out state", () => {
    // 20:00 UTC is the next morning in Shanghai.
    expect(closeOutLabel("CLOSED", new Date("2024-05-01T20:00:00Z"))).toBe("已销号（2024-05-02）");
    expect(closeOutLabel("CLOSED", null)).toBe("已销号");
    expect(closeOutLabel("CLOSE_REQUESTED", null)).toBe("申请销号");
    for (const s of ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "RELAPSED"] as const) {
      expect(closeOutLabel(s, null)).toBe("未销号");
    }
  });
  it("write the latest progress and inspection with their day", () => {
    expect(progressLabel({ text: "已完成自查", createdAt: new Date("2024-04-30T16:30:00Z") })).toBe(
      "2024-05-01 已完成自查",
    );
    expect(progressLabel(null)).toBe("");
    expect(recordLabel({ kind: "SITE_VISIT", deviceTime: new Date("2024-05-03T02:00:00Z"), rating: "LAGGING" })).toBe(
      "2024-05-03 实地走访 · 进度滞后",
    );
    expect(recordLabel({ kind: "LEDGER_CHECK", deviceTime: new Date("2024-05-03T02:00:00Z"), rating: null })).toBe(
      "2024-05-03 查阅台账 · 未评价",
    );
    expect(recordLabel(null)).toBe("");
  });
  it("name every status and join names with 、", () => {
    expect(Object.keys(STATUS_LABEL)).toHaveLength(6);
    expect(joinNames(["市委组织部", "市财政局"])).toBe("市委组织部、市财政局");
  });
});
