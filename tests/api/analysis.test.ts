// Period analysis over 2024-01..06: statuses from dated history, overdue at ends, changes, units, findings, access.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const code = (r: any) =>
  r.errors?.[0]?.extensions?.code ?? Object.values(r.data ?? {}).find((v: any) => v?.code)?.["code" as never];
let m: string[];
let base: number;
let problemFoundId: string;

async function addRecord(problemId: string, measureId: string, kind: string, rating: string | null, at: string) {
  const inspector = await app.db.prisma.user.findUniqueOrThrow({ where: { username: "insp" } });
  const id = randomUUID();
  await app.db.prisma.inspectionRecord.create({
    data: {
      id,
      kind: kind as any,
      inspectorId: inspector.id,
      problemId,
      content: {},
      contentHash: "test",
      clientRevision: 1,
      deviceTime: new Date(at),
      details: {},
      findings: `${kind} ${rating}`,
      rating: rating as any,
      followUpRequired: rating === "PROBLEM_FOUND",
      measures: { create: [{ measureId }] },
    },
  });
  return id;
}

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.prisma;
  // The import's history is dated when the inspection fed back, as if the ledger had been kept since then.
  await db.statusChange.updateMany({ data: { at: new Date("2023-10-09T02:00:00Z") } });
  base = await db.measure.count({ where: { status: { in: ["COMPLETED", "CLOSE_REQUESTED", "CLOSED"] } } });
  const rows = await db.measure.findMany({
    where: { problem: { section: "CONTINUING" } },
    orderBy: [{ problem: { number: "asc" } }, { number: "asc" }],
    take: 5,
  });
  m = rows.map((r) => r.id);
  const { a, b } = app.units;
  const history = async (measureId: string, steps: [string, string, string][]) => {
    for (const [fromStatus, toStatus, at] of steps) {
      await db.statusChange.create({
        data: { measureId, fromStatus: fromStatus as any, toStatus: toStatus as any, reason: "测试", at: new Date(at) },
      });
    }
    const last = steps.at(-1)![1];
    await db.measure.update({ where: { id: measureId }, data: { status: last as any } });
  };
  const assign = (i: number, unit: string, deadline: string) =>
    db.measure.update({ where: { id: m[i]! }, data: { responsibleUnitId: unit, deadline: day(deadline) } });
  await assign(0, a, "2024-01-31");
  await history(m[0]!, [["IN_PROGRESS", "COMPLETED", "2024-02-10T02:00:00Z"]]);
  await assign(1, a, "2024-02-29");
  // 01:00 on 1 March in Shanghai: a March change, though still February in UTC.
  await history(m[1]!, [["IN_PROGRESS", "COMPLETED", "2024-02-29T17:00:00Z"]]);
  await assign(2, b, "2024-03-31");
  await history(m[2]!, [
    ["IN_PROGRESS", "COMPLETED", "2024-03-05T02:00:00Z"],
    ["COMPLETED", "CLOSE_REQUESTED", "2024-03-20T02:00:00Z"],
    ["CLOSE_REQUESTED", "CLOSED", "2024-04-02T02:00:00Z"],
  ]);
  await assign(3, b, "2024-01-15");
  await history(m[3]!, [
    ["IN_PROGRESS", "COMPLETED", "2024-01-10T02:00:00Z"],
    ["COMPLETED", "CLOSE_REQUESTED", "2024-01-20T02:00:00Z"],
    ["CLOSE_REQUESTED", "CLOSED", "2024-02-01T02:00:00Z"],
    ["CLOSED", "RELAPSED", "2024-05-10T02:00:00Z"],
  ]);
  // The deadlines too were assigned when the inspection fed back (the trigger dated them now).
  await db.deadlineChange.updateMany({ data: { at: new Date("2023-10-09T02:00:00Z") } });
  const p = rows[0]!.problemId;
  await addRecord(p, m[0]!, "SITE_VISIT", "ON_TRACK", "2024-02-05T02:00:00Z");
  problemFoundId = await addRecord(p, m[1]!, "LEDGER_CHECK", "PROBLEM_FOUND", "2024-02-20T02:00:00Z");
  await addRecord(p, m[1]!, "ONSITE_QUESTIONING", null, "2024-02-29T17:00:00Z");
  await addRecord(p, m[2]!, "SITE_VISIT", "LAGGING", "2024-01-31T15:00:00Z");
});
afterAll(async () => app?.close());

const FIG = `statuses { total notStarted inProgress completed closeRequested closed relapsed done } completionRate overdue`;
const ANALYSIS = `query($p: String!) { periodAnalysis(period: $p) { __typename
  ... on PeriodAnalysisSummary { period kind firstDay lastDay asOf previousPeriod previousAsOf
    figures { ${FIG} } previous { ${FIG} } change { ${FIG} }
    units { unit { name } total done overdue completionRate }
    overdueItems { measure { id } unit { name } deadline statusAtEnd daysOverdue }
    findings { total followUpsRequired byKind { siteVisit ledgerCheck onsiteQuestioning }
      byRating { onTrack lagging problemFound unrated } problemsFound { id findings } } }
  ... on ValidationError { code message } } }`;
const analyse = async (p: string, role: Parameters<TestApp["as"]>[0] = "supervisor") => {
  const r: any = await app.as(role)(ANALYSIS, { p });
  expect(r.errors).toBeUndefined();
  return r.data.periodAnalysis;
};
const rate = (done: number) => Math.round((done / 120) * 10_000) / 10_000;

describe("period analysis", () => {
  it("rebuilds statuses at each month end, Asia/Shanghai, with overdue items then", async () => {
    const jan = await analyse("2024-01");
    expect(jan).toMatchObject({ period: "2024-01", kind: "MONTH", firstDay: "2024-01-01", lastDay: "2024-01-31" });
    expect(jan.asOf).toBe("2024-01-31T16:00:00.000Z");
    // m[0] is due on 31 January, January's last day: met until that day ends, so not overdue in January.
    expect(jan.figures).toMatchObject({ statuses: { total: 120, closeRequested: 1, done: base + 1 }, overdue: 0 });
    expect(jan.overdueItems).toEqual([]);
    const feb = await analyse("2024-02");
    // m[1], due 29 February and completed at 01:00 on 1 March (Shanghai), was in progress but not late at February's end.
    expect(feb.figures).toEqual({
      statuses: expect.objectContaining({ total: 120, closeRequested: 0, closed: 1, done: base + 2 }),
      completionRate: rate(base + 2),
      overdue: 0,
    });
    expect(feb.overdueItems).toEqual([]);
    const mar = await analyse("2024-03");
    expect(mar.figures).toMatchObject({ statuses: { closeRequested: 1, closed: 1, done: base + 4 }, overdue: 0 });
  });

  it("compares with the month or quarter before", async () => {
    const feb = await analyse("2024-02");
    expect(feb.previousPeriod).toBe("2024-01");
    expect(feb.previous.statuses.done).toBe(base + 1);
    expect(feb.change).toEqual({
      statuses: {
        total: 0,
        notStarted: 0,
        inProgress: -1,
        completed: 1,
        closeRequested: -1,
        closed: 1,
        relapsed: 0,
        done: 1,
      },
      completionRate: Math.round((rate(base + 2) - rate(base + 1)) * 10_000) / 10_000,
      overdue: 0,
    });
    const q2 = await analyse("2024-q2");
    expect(q2).toMatchObject({ period: "2024-Q2", kind: "QUARTER", firstDay: "2024-04-01", lastDay: "2024-06-30" });
    expect(q2.previousPeriod).toBe("2024-Q1");
    expect(q2.figures).toMatchObject({ statuses: { relapsed: 1, closed: 1, done: base + 3 }, overdue: 1 });
    expect(q2.change).toMatchObject({
      statuses: { relapsed: 1, closed: 0, closeRequested: -1, done: -1 },
      overdue: 1,
    });
    // Counted on the quarter's last day, 30 June.
    const days = (Date.parse("2024-06-30") - Date.parse("2024-01-15")) / 86_400_000;
    expect(q2.overdueItems).toEqual([
      {
        measure: { id: gid("Measure", m[3]!) },
        unit: { name: "市财政局" },
        deadline: "2024-01-15",
        statusAtEnd: "RELAPSED",
        daysOverdue: days,
      },
    ]);
  });

  it("tabulates responsible units", async () => {
    const feb = await analyse("2024-02");
    expect(feb.units).toEqual([
      // By name in Chinese collation (pinyin): cai before wei.
      { unit: { name: "市财政局" }, total: 2, done: 1, overdue: 0, completionRate: 0.5 },
      { unit: { name: "市委组织部" }, total: 2, done: 1, overdue: 0, completionRate: 0.5 },
      { unit: null, total: 116, done: base, overdue: 0, completionRate: Math.round((base / 116) * 10_000) / 10_000 },
    ]);
  });

  it("counts the period's field findings by kind and rating, listing the problems found", async () => {
    const feb = await analyse("2024-02");
    expect(feb.findings).toEqual({
      total: 2,
      followUpsRequired: 1,
      byKind: { siteVisit: 1, ledgerCheck: 1, onsiteQuestioning: 0 },
      byRating: { onTrack: 1, lagging: 0, problemFound: 1, unrated: 0 },
      problemsFound: [{ id: gid("InspectionRecord", problemFoundId), findings: "LEDGER_CHECK PROBLEM_FOUND" }],
    });
    expect((await analyse("2024-03")).findings).toMatchObject({ total: 1, byRating: { unrated: 1 } });
    expect((await analyse("2024-01")).findings).toMatchObject({ total: 1, byRating: { lagging: 1 } });
    expect((await analyse("2024-Q1")).findings).toMatchObject({ total: 4, followUpsRequired: 1 });
  });

  it("knows no items before the inspection fed back", async () => {
    const q = await analyse("2023-Q2");
    expect(q.figures).toEqual({
      statuses: {
        total: 0,
        notStarted: 0,
        inProgress: 0,
        completed: 0,
        closeRequested: 0,
        closed: 0,
        relapsed: 0,
        done: 0,
      },
      completionRate: 0,
      overdue: 0,
    });
    expect(q.units).toEqual([]);
  });

  it("rejects malformed periods with a ValidationError naming the forms", async () => {
    for (const p of ["2024-13", "2024-Q5", "2024", "March", "2024-1"]) {
      const r = await analyse(p);
      expect(r.__typename).toBe("ValidationError");
      expect(r.message).toContain('"YYYY-MM"');
      expect(r.message).toContain('"YYYY-Qn"');
      expect(r.message).toContain(JSON.stringify(p));
    }
  });

  it("is for staff only", async () => {
    expect((await analyse("2024-02", "inspector")).figures.statuses.total).toBe(120);
    expect(code(await app.as("liaisonA")(ANALYSIS, { p: "2024-02" }))).toBe("FORBIDDEN");
    expect(code(await app.as("public")(ANALYSIS, { p: "2024-02" }))).toBe("UNAUTHENTICATED");
  });
});

describe("figures do not change after the fact (issue 13 §10)", () => {
  afterEach(() => vi.useRealTimers());

  it("reads a deadline assigned on 30 November as no deadline in September", async () => {
    const db = app.db.prisma;
    await db.measure.update({ where: { id: m[4]! }, data: { deadline: day("2024-09-15"), longTerm: false } });
    const change = await db.deadlineChange.findFirstOrThrow({ where: { measureId: m[4]! }, orderBy: { at: "desc" } });
    expect(change).toMatchObject({ deadline: day("2024-09-15"), fromLongTerm: false });
    await db.deadlineChange.update({ where: { id: change.id }, data: { at: new Date("2024-11-30T02:00:00Z") } });
    const sep = await analyse("2024-09");
    expect(sep.overdueItems.map((o: any) => o.measure.id)).not.toContain(gid("Measure", m[4]!));
    const oct = await analyse("2024-10");
    expect(oct.figures.overdue).toBe(sep.figures.overdue);
    const nov = await analyse("2024-11");
    expect(nov.overdueItems).toContainEqual(
      expect.objectContaining({ measure: { id: gid("Measure", m[4]!) }, deadline: "2024-09-15", daysOverdue: 76 }),
    );
    expect(nov.figures.overdue).toBe(sep.figures.overdue + 1);
  });

  it("meets a deadline until 23:59:59 of its day in Shanghai: dashboard and the running month's analysis", async () => {
    const shanghai = (t: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(t);
    // A deadline two or three days ahead that is not its month's last day (so the next day is the same month).
    let deadline = Date.parse(`${shanghai(Date.now())}T00:00:00Z`) + 2 * 86_400_000;
    if (shanghai(deadline + 86_400_000).slice(0, 7) !== shanghai(deadline).slice(0, 7)) deadline += 86_400_000;
    const dayText = new Date(deadline).toISOString().slice(0, 10);
    await app.db.prisma.measure.update({ where: { id: m[4]! }, data: { deadline: new Date(deadline) } });
    const before = await app.as("supervisor")(`{ dashboard { measures { overdue } } }`);
    const month = dayText.slice(0, 7);
    const overdueNow = (before.data as any).dashboard.measures.overdue;
    const lateAt = async (instant: string) => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(instant));
      const d: any = await app.as("supervisor")(`{ dashboard { measures { overdue } } }`);
      const a = await analyse(month);
      vi.useRealTimers();
      return {
        dashboard: d.data.dashboard.measures.overdue - overdueNow,
        analysis: a.overdueItems.some((o: any) => o.measure.id === gid("Measure", m[4]!)),
      };
    };
    // 23:59:59 on the deadline day in Shanghai is 15:59:59Z; 00:00:00 the next day is 16:00:00Z.
    expect(await lateAt(`${dayText}T15:59:59Z`)).toEqual({ dashboard: 0, analysis: false });
    expect(await lateAt(`${dayText}T16:00:00Z`)).toEqual({ dashboard: 1, analysis: true });
  });
});
