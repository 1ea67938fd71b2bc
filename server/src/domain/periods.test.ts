// Periods and point-in-time statuses: parsing, boundaries in Asia/Shanghai, history replay and figures.
import { describe, expect, it } from "vitest";
import {
  changeOf,
  deadlineAt,
  figuresByUnit,
  figuresOf,
  itemsAt,
  monthOfInstant,
  parsePeriod,
  previousPeriod,
  statusAt,
  type AnalysisItem,
  type DeadlineEntry,
  type HistoryEntry,
} from "./periods.ts";

const at = (s: string) => new Date(s);
const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("parsePeriod", () => {
  it("reads months and quarters with Asia/Shanghai boundaries", () => {
    expect(parsePeriod("2024-02")).toMatchObject({
      kind: "MONTH",
      label: "2024-02",
      firstDay: "2024-02-01",
      lastDay: "2024-02-29",
      start: at("2024-01-31T16:00:00Z"),
      end: at("2024-02-29T16:00:00Z"),
    });
    expect(parsePeriod("2024-q4")).toMatchObject({
      kind: "QUARTER",
      label: "2024-Q4",
      firstDay: "2024-10-01",
      lastDay: "2024-12-31",
      end: at("2024-12-31T16:00:00Z"),
    });
    expect(parsePeriod(" 2023-Q2 ")?.lastDay).toBe("2023-06-30");
  });

  it("rejects anything else", () => {
    for (const bad of [
      "2024-13",
      "2024-00",
      "2024-Q5",
      "2024-Q0",
      "2024",
      "24-01",
      "2024-1",
      "2024/01",
      "",
      "Q1-2024",
    ]) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it("steps back a month or a quarter, across years", () => {
    expect(previousPeriod(parsePeriod("2024-03")!).label).toBe("2024-02");
    expect(previousPeriod(parsePeriod("2024-01")!).label).toBe("2023-12");
    expect(previousPeriod(parsePeriod("2024-Q2")!).label).toBe("2024-Q1");
    expect(previousPeriod(parsePeriod("2024-Q1")!).label).toBe("2023-Q4");
  });

  it("names the Shanghai month of an instant", () => {
    expect(monthOfInstant(at("2024-02-29T16:30:00Z"))).toBe("2024-03");
    expect(monthOfInstant(at("2024-02-29T15:30:00Z"))).toBe("2024-02");
  });
});

describe("statusAt", () => {
  const history: HistoryEntry[] = [
    { fromStatus: "COMPLETED", toStatus: "CLOSE_REQUESTED", at: at("2024-03-05T02:00:00Z") },
    { fromStatus: null, toStatus: "IN_PROGRESS", at: at("2023-10-09T02:00:00Z") },
    { fromStatus: "IN_PROGRESS", toStatus: "COMPLETED", at: at("2024-02-10T02:00:00Z") },
  ];
  it("replays the history up to the instant, in time order", () => {
    expect(statusAt(history, at("2024-01-31T16:00:00Z"), "CLOSE_REQUESTED")).toBe("IN_PROGRESS");
    expect(statusAt(history, at("2024-02-29T16:00:00Z"), "CLOSE_REQUESTED")).toBe("COMPLETED");
    expect(statusAt(history, at("2024-03-31T16:00:00Z"), "CLOSE_REQUESTED")).toBe("CLOSE_REQUESTED");
  });
  it("counts a change at the instant itself as after it", () => {
    expect(statusAt(history, at("2024-02-10T02:00:00Z"), "CLOSE_REQUESTED")).toBe("IN_PROGRESS");
  });
  it("before the first change: what it changed from, or the creation's status, or the current one", () => {
    expect(statusAt(history, at("2020-01-01T00:00:00Z"), "CLOSE_REQUESTED")).toBe("IN_PROGRESS");
    const noCreation = history.filter((h) => h.fromStatus !== null);
    expect(statusAt(noCreation, at("2020-01-01T00:00:00Z"), "CLOSE_REQUESTED")).toBe("IN_PROGRESS");
    expect(statusAt([], at("2020-01-01T00:00:00Z"), "RELAPSED")).toBe("RELAPSED");
  });
});

describe("figures at a period end", () => {
  type Item = AnalysisItem & { id: string };
  const since = day("2023-10-09");
  const items: Item[] = [
    // Completed in February.
    {
      id: "a",
      status: "COMPLETED",
      deadline: day("2024-02-29"),
      unitId: "u1",
      since,
      history: [{ fromStatus: "IN_PROGRESS", toStatus: "COMPLETED", at: at("2024-02-10T02:00:00Z") }],
    },
    // Due on January's last day, never done: met all January, overdue from 1 February on.
    { id: "b", status: "IN_PROGRESS", deadline: day("2024-01-31"), unitId: "u1", since, history: [] },
    // Due in March, no unit.
    { id: "c", status: "IN_PROGRESS", deadline: day("2024-03-31"), unitId: null, since, history: [] },
    // Fed back only in 2024-03: does not exist at the end of February.
    { id: "d", status: "IN_PROGRESS", deadline: null, unitId: "u2", since: day("2024-03-01"), history: [] },
  ];

  it("counts statuses, overdue items and the completion rate as of each instant", () => {
    const jan = itemsAt(items, parsePeriod("2024-01")!.end);
    expect(jan.map((r) => [r.item.id, r.status, r.overdue, r.daysOverdue])).toEqual([
      ["a", "IN_PROGRESS", false, 0],
      ["b", "IN_PROGRESS", false, 0],
      ["c", "IN_PROGRESS", false, 0],
    ]);
    const feb = itemsAt(items, parsePeriod("2024-02")!.end);
    const f = figuresOf(feb);
    expect(f.counts).toMatchObject({ total: 3, IN_PROGRESS: 2, COMPLETED: 1, done: 1 });
    expect(f.completionRate).toBe(0.3333);
    expect(f.overdue).toBe(1);
    // As of 29 February: 29 days after 31 January.
    expect(feb.find((r) => r.item.id === "b")?.daysOverdue).toBe(29);
    const mar = figuresOf(itemsAt(items, parsePeriod("2024-03")!.end));
    expect(mar.counts.total).toBe(4);
    // c is due on 31 March, March's last day: met in March.
    expect(mar.overdue).toBe(1);
    const apr = itemsAt(items, parsePeriod("2024-04")!.end);
    expect(apr.find((r) => r.item.id === "c")).toMatchObject({ overdue: true, daysOverdue: 30 });
  });

  it("groups by unit and subtracts the previous period", () => {
    const feb = itemsAt(items, parsePeriod("2024-02")!.end);
    const units = figuresByUnit(feb);
    expect(units.get("u1")).toMatchObject({ completionRate: 0.5, overdue: 1, counts: { total: 2, done: 1 } });
    expect(units.get(null)).toMatchObject({ completionRate: 0, overdue: 0, counts: { total: 1 } });
    expect(units.has("u2")).toBe(false);
    const jan = figuresOf(itemsAt(items, parsePeriod("2024-01")!.end));
    expect(changeOf(figuresOf(feb), jan)).toMatchObject({
      total: 0,
      IN_PROGRESS: -1,
      COMPLETED: 1,
      done: 1,
      overdue: 1,
      completionRate: 0.3333,
    });
    expect(figuresOf([])).toMatchObject({ completionRate: 0, overdue: 0, counts: { total: 0 } });
  });
});

describe("deadlines as assigned then (issue 13 §10)", () => {
  const since = day("2024-01-01");
  const assignedLate: DeadlineEntry[] = [
    // Created without a deadline; 2024-09-15 assigned on 30 November (Shanghai), then moved on 10 December.
    {
      fromLongTerm: false,
      fromDeadline: null,
      longTerm: false,
      deadline: day("2024-09-15"),
      at: at("2024-11-30T02:00:00Z"),
    },
    {
      fromLongTerm: false,
      fromDeadline: day("2024-09-15"),
      longTerm: false,
      deadline: day("2024-12-31"),
      at: at("2024-12-10T02:00:00Z"),
    },
  ];

  it("reads the deadline a measure had at an instant", () => {
    expect(deadlineAt(assignedLate, at("2024-10-01T00:00:00Z"), day("2024-12-31"))).toBeNull();
    expect(deadlineAt(assignedLate, at("2024-11-30T16:00:00Z"), day("2024-12-31"))).toEqual(day("2024-09-15"));
    expect(deadlineAt(assignedLate, at("2025-01-01T00:00:00Z"), day("2024-12-31"))).toEqual(day("2024-12-31"));
    // A creation row holds before it too; 长期坚持 is no deadline; no history: the current one.
    const created: DeadlineEntry = {
      fromLongTerm: null,
      fromDeadline: null,
      longTerm: false,
      deadline: day("2024-03-31"),
      at: at("2026-11-30T02:00:00Z"),
    };
    expect(deadlineAt([created], at("2024-05-01T00:00:00Z"), null)).toEqual(day("2024-03-31"));
    expect(deadlineAt([{ ...created, longTerm: true, deadline: null }], at("2024-05-01T00:00:00Z"), null)).toBeNull();
    expect(deadlineAt([], at("2024-05-01T00:00:00Z"), day("2024-03-31"))).toEqual(day("2024-03-31"));
  });

  it("does not count September overdue for a deadline assigned on 30 November", () => {
    const item = {
      status: "IN_PROGRESS" as const,
      deadline: day("2024-12-31"),
      unitId: null,
      since,
      history: [],
      deadlineHistory: assignedLate,
    };
    expect(itemsAt([item], parsePeriod("2024-09")!.end)[0]).toMatchObject({ deadline: null, overdue: false });
    expect(itemsAt([item], parsePeriod("2024-10")!.end)[0]).toMatchObject({ overdue: false });
    expect(itemsAt([item], parsePeriod("2024-11")!.end)[0]).toMatchObject({
      deadline: day("2024-09-15"),
      overdue: true,
      daysOverdue: 76,
    });
    // Moved to 31 December: met in December (its last day), whatever November said.
    expect(itemsAt([item], parsePeriod("2024-12")!.end)[0]).toMatchObject({ overdue: false });
  });

  it("meets a deadline until the end of its day in Asia/Shanghai", () => {
    const item = { status: "IN_PROGRESS" as const, deadline: day("2024-03-14"), unitId: null, since, history: [] };
    // `at` is exclusive: 16:00:00Z is midnight starting the 15th, so judged on the 14th (23:59:59.999).
    expect(itemsAt([item], at("2024-03-14T15:59:59Z"))[0]).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(itemsAt([item], at("2024-03-14T16:00:00Z"))[0]).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(itemsAt([item], at("2024-03-14T16:00:00.001Z"))[0]).toMatchObject({ overdue: true, daysOverdue: 1 });
  });
});
