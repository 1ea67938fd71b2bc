// Merging an incremental download into the cached working set, and when a copy may be updated instead of replaced.
import { describe, expect, it } from "vitest";
import { changesSince, mergeWorkingSet } from "./working-set-merge.ts";
import type { WorkingSet, WsProblem } from "./working-set.ts";

const problem = (n: number, section: WsProblem["section"] = "CONTINUING", title = `t${n}`): WsProblem => ({
  id: `P${section}${n}`,
  rawId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  section,
  number: n,
  title,
  body: "",
  status: "IN_PROGRESS",
  deadline: null,
  overdue: false,
  responsibleUnit: null,
  leadLeader: null,
  participatingUnits: [],
  measures: [],
});
const NOW = new Date("2026-11-30T04:00:00Z"); // 12:00 in Shanghai
const cached: WorkingSet = {
  userId: "u1",
  fetchedAt: 1,
  clock: "2026-11-30T03:00:00.000Z",
  day: "2026-11-30",
  inspectionIds: ["I1", "I2"],
  problems: [problem(1, "COMPLETED"), problem(1), problem(2), problem(3)],
};

describe("mergeWorkingSet", () => {
  it("replaces changed problems whole, adds new ones in report order, drops archived and deleted ones", () => {
    const merged = mergeWorkingSet(
      cached,
      [
        { problem: { ...problem(2, "CONTINUING", "新标题"), measures: [] }, archived: false },
        { problem: problem(4), archived: false },
        { problem: problem(2, "COMPLETED"), archived: false },
        { problem: problem(3), archived: true },
      ],
      [problem(1).id],
      { clock: "2026-11-30T04:00:00.000Z", fetchedAt: 2 },
    );
    expect(merged.problems.map((p) => `${p.section}-${p.number}`)).toEqual([
      "COMPLETED-1",
      "COMPLETED-2",
      "CONTINUING-2",
      "CONTINUING-4",
    ]);
    expect(merged.problems.find((p) => p.id === problem(2).id)!.title).toBe("新标题");
    expect(merged).toMatchObject({ userId: "u1", clock: "2026-11-30T04:00:00.000Z", fetchedAt: 2, day: "2026-11-30" });
    expect(cached.problems).toHaveLength(4); // the cached copy itself is untouched
  });

  it("an empty change set keeps everything and moves the cursor", () => {
    const merged = mergeWorkingSet(cached, [], [], { clock: "c2", fetchedAt: 3 });
    expect(merged.problems).toEqual(cached.problems);
    expect(merged.clock).toBe("c2");
  });
});

describe("changesSince", () => {
  it("gives the cursor for the same user and inspections on the same Shanghai day", () => {
    expect(changesSince(cached, "u1", ["I2", "I1"], NOW)).toBe(cached.clock);
  });
  it("asks for a full download otherwise", () => {
    expect(changesSince(null, "u1", ["I1", "I2"], NOW)).toBeNull();
    expect(changesSince(cached, "u2", ["I1", "I2"], NOW)).toBeNull();
    expect(changesSince(cached, "u1", ["I1"], NOW)).toBeNull();
    expect(changesSince({ ...cached, clock: undefined }, "u1", ["I1", "I2"], NOW)).toBeNull();
    expect(changesSince(cached, "u1", ["I1", "I2"], new Date("2026-11-30T16:30:00Z"))).toBeNull(); // next day there
  });
});
