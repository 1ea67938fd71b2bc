// Working-set helpers: global id decoding, labels, normalisation of the GraphQL shape, recent list.
import { describe, expect, it } from "vitest";
import { normaliseProblem, problemLabel, pushRecent, rawId, type GqlProblem } from "./working-set.ts";

const uuid = "3f2c1d0e-9b8a-4c7d-8e6f-5a4b3c2d1e0f";
const gid = (type: string, id = uuid) => btoa(`${type}:${id}`);

describe("working set", () => {
  it("decodes Relay global ids to database UUIDs", () => {
    expect(rawId(gid("Problem"))).toBe(uuid);
    expect(rawId(uuid.toUpperCase())).toBe(uuid);
    expect(() => rawId("nonsense")).toThrow();
    expect(() => rawId(btoa("Problem:42"))).toThrow();
  });

  it("labels problems by section ordinal and number", () => {
    expect(problemLabel({ section: "CONTINUING", number: 3 })).toBe("二-3");
    expect(problemLabel({ section: "COMPLETED", number: 12 })).toBe("一-12");
  });

  it("flattens the GraphQL shape", () => {
    const p: GqlProblem = {
      id: gid("Problem"),
      section: "CONTINUING",
      number: 1,
      title: "標題",
      body: "",
      status: "IN_PROGRESS",
      deadline: "2024-06-30",
      overdue: false,
      responsibleUnit: { name: "市住建局" },
      leadLeader: null,
      participatingUnits: [{ name: "甲" }, { name: "乙" }],
      measures: {
        edges: [
          {
            node: {
              id: gid("Measure", "00000000-0000-4000-8000-000000000001"),
              number: 1,
              numbered: true,
              text: "措施",
              subPoints: ["一是"],
              status: "COMPLETED",
              deadline: null,
              overdue: false,
              responsibleUnit: null,
            },
          },
        ],
      },
    };
    const w = normaliseProblem(p);
    expect(w.rawId).toBe(uuid);
    expect(w.responsibleUnit).toBe("市住建局");
    expect(w.participatingUnits).toEqual(["甲", "乙"]);
    expect(w.measures[0]!.rawId).toBe("00000000-0000-4000-8000-000000000001");
  });

  it("keeps the ten most recent ids, newest first, without duplicates", () => {
    let r: string[] = [];
    for (let i = 0; i < 12; i++) r = pushRecent(r, `p${i}`);
    expect(r).toHaveLength(10);
    expect(r[0]).toBe("p11");
    r = pushRecent(r, "p5");
    expect(r[0]).toBe("p5");
    expect(r.filter((x) => x === "p5")).toHaveLength(1);
  });
});
