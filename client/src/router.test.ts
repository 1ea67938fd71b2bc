// The hash router's parse and href are inverses, and odd input lands on notFound rather than throwing.
import { describe, expect, it } from "vitest";
import { href, parseRoute, type Route } from "./router.ts";

describe("router", () => {
  it("round-trips every route", () => {
    const routes: Route[] = [
      { name: "home" },
      { name: "problem", id: "UHJvYmxlbTox==" },
      { name: "capture", recordId: null, problemId: "UHJvYmxlbTox", measureId: null },
      { name: "capture", recordId: "00000000-0000-4000-8000-000000000001", problemId: null, measureId: "TWVhc3VyZTox" },
      { name: "outbox" },
      { name: "records", problemId: "UHJvYmxlbTox", measureId: null },
      { name: "records", problemId: null, measureId: null },
      { name: "settings" },
      { name: "supervision" },
      { name: "dashboard" },
      { name: "problems", unitId: "VW5pdDox", leaderId: null, label: "市住建局 & 市委办" },
      { name: "problems", unitId: null, leaderId: "UGVyc29uOjE=", label: null },
      { name: "notices" },
      { name: "notice", id: "TW9udGhseU5vdGljZTox" },
      { name: "analysis", period: "2024-Q1" },
      { name: "analysis", period: null },
      { name: "lookbacks" },
      { name: "exports" },
      { name: "opinions" },
      { name: "admin" },
      { name: "import" },
      { name: "ledger" },
      { name: "campaigns" },
      { name: "campaignPlan" },
      { name: "campaign", id: "Q2FtcGFpZ246MQ==" },
      { name: "action", id: "QWN0aW9uOjE=" },
      {
        name: "capture",
        recordId: "00000000-0000-4000-8000-000000000002",
        problemId: null,
        measureId: null,
        targetId: "VGFyZ2V0OjE=",
        kind: "LEDGER_CHECK",
      },
      { name: "report", id: null, measureIds: ["m1"], answers: null, action: "QWN0aW9uOjE=" },
    ];
    for (const r of routes) expect(parseRoute(href(r))).toEqual(r);
  });

  it("treats the empty hash as home and unknown paths as notFound", () => {
    expect(parseRoute("")).toEqual({ name: "home" });
    expect(parseRoute("#/")).toEqual({ name: "home" });
    expect(parseRoute("#/nope/x")).toEqual({ name: "notFound", path: "/nope/x" });
    expect(parseRoute("#/problem/%E0%A4%A")).toEqual({ name: "problem", id: "%E0%A4%A" });
    // An unknown method is dropped rather than preselecting something the form cannot show.
    expect(parseRoute("#/capture/new?kind=DANCE")).toEqual({
      name: "capture",
      recordId: null,
      problemId: null,
      measureId: null,
    });
  });
});
