// Dashboards asked for at the same time share one computation (queries/coalesce.ts), yet each viewer gets only
// their own visibility's figures and nobody gets figures older than their request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedDashboard } from "@rectify/server/queries/analysis";
import { thresholdsFor } from "@rectify/server/queries/settings";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
let tallyStatements = 0;
let onTally: (() => void) | null = null;
beforeAll(async () => {
  app = await startTestApp({
    onStatement: (sql) => {
      if (!sql.includes("GROUPING SETS")) return;
      tallyStatements++;
      onTally?.();
    },
  });
  // Unit A answers for some measures, unit B for others: the two liaisons see different dashboards.
  const measures = await app.db.prisma.measure.findMany({ orderBy: { id: "asc" }, take: 12, select: { id: true } });
  for (const [i, m] of measures.entries()) {
    await app.db.prisma.measure.update({
      where: { id: m.id },
      data: { responsibleUnitId: i % 3 === 0 ? app.units.b : app.units.a },
    });
  }
});
afterAll(async () => app?.close());

const COUNTS = `green yellow red grey total overdue dueSoon relapsed`;
const DASHBOARD = `{ dashboard { dueSoonDays measures { ${COUNTS} } problems { ${COUNTS} }
  byUnit { unit { id name } counts { ${COUNTS} } } byLeader { leader { id name } counts { ${COUNTS} } }
  byProblem { problem { id section number title light } light counts { ${COUNTS} } } } }`;

/** A request's context as far as the dashboard reads it. */
async function contextOf(username: string) {
  const u = await app.db.prisma.user.findUniqueOrThrow({ where: { username } });
  const viewer = { id: u.id, username, displayName: u.displayName, role: u.role, unitId: u.unitId };
  return { prisma: app.db.prisma, viewer } as unknown as Parameters<typeof sharedDashboard>[0];
}

describe("dashboards at the same time", () => {
  it("each viewer gets what they would get alone", async () => {
    const roles = ["supervisor", "liaisonA", "inspector", "liaisonB", "admin"] as const;
    const alone = new Map<string, unknown>();
    for (const role of roles) {
      const r = await app.as(role)(DASHBOARD);
      expect(r.errors).toBeUndefined();
      alone.set(role, r.data);
    }
    expect(alone.get("liaisonA")).not.toEqual(alone.get("supervisor"));
    expect(alone.get("liaisonA")).not.toEqual(alone.get("liaisonB"));
    const crowd = roles.flatMap((role) => [role, role, role]);
    const together = await Promise.all(crowd.map((role) => app.as(role)(DASHBOARD)));
    together.forEach((r, i) => {
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual(alone.get(crowd[i]!));
    });
  });

  it("share one computation per visibility", async () => {
    const [sup, admin, liaison] = await Promise.all([contextOf("sup"), contextOf("admin"), contextOf("liaison-a")]);
    const before = tallyStatements;
    const staff = await Promise.all(Array.from({ length: 10 }, (_, i) => sharedDashboard(i % 2 ? sup : admin, null)));
    // The first starts at once; the other nine arrived while it ran and share the one started after it.
    expect(tallyStatements - before).toBeLessThanOrEqual(3);
    expect(new Set(staff.slice(1)).size).toBeLessThanOrEqual(2);
    const [own] = await Promise.all([sharedDashboard(liaison, null), sharedDashboard(sup, null)]);
    expect(own.measures.total).toBeLessThan(staff[0]!.measures.total);
  });

  it("a change saved before a dashboard is asked for is in it, though another was computing", async () => {
    const sup = await contextOf("sup");
    const measure = await app.db.prisma.measure.findFirstOrThrow({
      where: { status: { not: "CLOSED" }, archivedAt: null, problem: { archivedAt: null } },
    });
    const was = await sharedDashboard(sup, null);
    const greyOf = (d: typeof was) => d.byProblem.find((p) => p.problem.id === measure.problemId)!.tally.grey;
    const [one, two] = [await contextOf("sup"), await contextOf("sup")];
    await thresholdsFor(two); // read once per request: `two` asks for its dashboard without waiting on the database
    const sent = new Promise<void>((resolve) => (onTally = resolve));
    const first = sharedDashboard(one, null);
    await sent; // `first` is reading the measures now, before the change below
    onTally = null;
    await app.db.prisma.measure.update({ where: { id: measure.id }, data: { status: "CLOSED" } });
    const second = await sharedDashboard(two, null);
    await first;
    expect(second.measures.grey).toBe(was.measures.grey + 1);
    expect(greyOf(second)).toBe(greyOf(was) + 1);
  });
});
