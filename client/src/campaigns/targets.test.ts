// Targets in the working set: raw ids decoded from global ids (the envelope's targetId), due day as a date.
import { describe, expect, it } from "vitest";
import { findTarget, normaliseTarget, type GqlTarget } from "./targets.ts";

const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const gid = (type: string, n: number) => btoa(`${type}:${uuid(n)}`);

const gql: GqlTarget = {
  id: gid("CampaignTarget", 1),
  methods: ["SITE_VISIT", "LEDGER_CHECK"],
  due: "2024-03-31",
  recordedMethods: ["LEDGER_CHECK"],
  campaign: { id: gid("Campaign", 2), name: "专项督查" },
  team: { name: "第一督查组" },
  measure: { id: gid("Measure", 3), number: 2, text: "措施", responsibleUnit: { name: "市财政局" } },
  problem: { id: gid("Problem", 4), section: "CONTINUING", number: 5, title: "问题" },
};

describe("campaign targets", () => {
  it("keeps global ids and adds the raw ids the envelope needs", () => {
    const t = normaliseTarget(gql);
    expect(t).toMatchObject({
      id: gql.id,
      rawId: uuid(1),
      measureRawId: uuid(3),
      problemRawId: uuid(4),
      unitName: "市财政局",
      methods: ["SITE_VISIT", "LEDGER_CHECK"],
      recordedKinds: ["LEDGER_CHECK"],
      dueOn: "2024-03-31",
    });
    expect(findTarget([t], uuid(1))).toBe(t);
    expect(findTarget([t], gql.id)).toBe(t);
    expect(findTarget(undefined, gql.id)).toBeNull();
  });

  it("refuses a target whose id is not a global id of a UUID row", () => {
    expect(() => normaliseTarget({ ...gql, id: "not-an-id" })).toThrow(/global id/);
  });
});
