// The latest ratings kept on measures and problems by the database (latest_rating migration) always equal the
// domain rule recomputed from every record, through creates, edits, relinks and deletes; and the dashboard's SQL
// lights equal lightOf() of domain/traffic-light.ts for every measure.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleReportPath } from "@rectify/server/config";
import { importReport } from "@rectify/server/queries/import-report";
import { createUser } from "@rectify/server/queries/users";
import { latestRating, lightOf, type Thresholds } from "@rectify/server/domain/traffic-light";
import { measureLights } from "@rectify/server/queries/dashboard-lights";
import { measureLightItem, measureLightSelect } from "@rectify/server/queries/analysis";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db.ts";

let db: TestDatabase;
let inspectorId: string;
let problems: { id: string; measures: { id: string }[] }[];

/** A small seeded generator (mulberry32), so a failure replays. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  await importReport(db.prisma, await readFile(sampleReportPath, "utf8"));
  inspectorId = (
    await createUser(db.prisma, { username: "insp", password: "velvet tundra 83 quokka", role: "INSPECTOR" })
  ).id;
  problems = (
    await db.prisma.problem.findMany({ include: { measures: { select: { id: true } } }, orderBy: { number: "asc" } })
  ).slice(0, 3);
});
afterAll(async () => db?.close());

/** Every kept rating against the rule recomputed from all records (ties: the later id, as the SQL orders). */
async function expectKeptRatingsMatchRecords() {
  const records = await db.prisma.inspectionRecord.findMany({ include: { measures: true } });
  const byTimeThenId = [...records].sort(
    (a, b) => a.deviceTime.getTime() - b.deviceTime.getTime() || a.id.localeCompare(b.id),
  );
  const latest = (rs: typeof records) => {
    const rated = byTimeThenId.filter((r) => rs.includes(r) && r.rating);
    const last = rated.at(-1);
    return { latestRating: last?.rating ?? null, latestRatedAt: last?.deviceTime ?? null };
  };
  for (const p of problems) {
    const row = await db.prisma.problem.findUniqueOrThrow({ where: { id: p.id } });
    const own = latest(records.filter((r) => r.problemId === p.id && r.measures.length === 0));
    expect({ latestRating: row.latestRating, latestRatedAt: row.latestRatedAt }).toEqual(own);
    for (const m of p.measures) {
      const mrow = await db.prisma.measure.findUniqueOrThrow({ where: { id: m.id } });
      const mine = latest(records.filter((r) => r.measures.some((x) => x.measureId === m.id)));
      expect({ latestRating: mrow.latestRating, latestRatedAt: mrow.latestRatedAt }).toEqual(mine);
      // and the combined verdict is the domain's latestRating over the measure's and the problem-wide records
      const combined = latestRating(
        records.filter(
          (r) => r.measures.some((x) => x.measureId === m.id) || (r.problemId === p.id && !r.measures.length),
        ),
      );
      if (combined !== null) expect([mine.latestRating, own.latestRating]).toContain(combined);
    }
  }
}

describe("kept latest ratings", () => {
  it("follow creates, rating and time edits, relinks, moves and deletes", async () => {
    const rand = rng(12);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const ratings = ["ON_TRACK", "LAGGING", "PROBLEM_FOUND", null] as const;
    const ids: string[] = [];
    const base = Date.parse("2026-06-01T00:00:00Z");
    for (let step = 0; step < 60; step++) {
      const op = ids.length < 5 ? 0 : Math.floor(rand() * 5);
      const p = pick(problems);
      const measureIds = p.measures.filter(() => rand() < 0.4).map((m) => m.id);
      // few distinct times, so equal deviceTimes (ties) happen too
      const deviceTime = new Date(base + Math.floor(rand() * 8) * 3_600_000);
      if (op === 0 || op === 1) {
        const id = randomUUID();
        ids.push(id);
        await db.prisma.inspectionRecord.create({
          data: {
            id,
            kind: "SITE_VISIT",
            inspectorId,
            problemId: p.id,
            content: {},
            contentHash: "h",
            clientRevision: 1,
            deviceTime,
            details: {},
            rating: pick(ratings),
            measures: { create: measureIds.map((measureId) => ({ measureId })) },
          },
        });
      } else if (op === 2) {
        await db.prisma.inspectionRecord.update({
          where: { id: pick(ids) },
          data: { rating: pick(ratings), deviceTime },
        });
      } else if (op === 3) {
        // relink (what a sync UPDATE does), possibly to another problem's measures
        const id = pick(ids);
        await db.prisma.$transaction([
          db.prisma.inspectionRecordMeasure.deleteMany({ where: { recordId: id } }),
          db.prisma.inspectionRecord.update({
            where: { id },
            data: { problemId: p.id, measures: { create: measureIds.map((measureId) => ({ measureId })) } },
          }),
        ]);
      } else {
        const id = ids.splice(Math.floor(rand() * ids.length), 1)[0]!;
        await db.prisma.inspectionRecord.delete({ where: { id } });
      }
      if (step % 6 === 5) await expectKeptRatingsMatchRecords();
    }
    await expectKeptRatingsMatchRecords();
  });
});

describe("the dashboard's SQL lights", () => {
  it("equal lightOf() for every measure, on varied deadlines, statuses and thresholds", async () => {
    const rand = rng(7);
    const statuses = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "CLOSE_REQUESTED", "CLOSED", "RELAPSED"] as const;
    const now = new Date();
    const today = Date.parse(
      `${new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now)}T00:00:00Z`,
    );
    const measures = await db.prisma.measure.findMany({ select: { id: true } });
    for (const m of measures) {
      const offset = Math.floor(rand() * 40) - 20;
      await db.prisma.measure.update({
        where: { id: m.id },
        data: {
          status: statuses[Math.floor(rand() * statuses.length)]!,
          deadline: rand() < 0.2 ? null : new Date(today + offset * 86_400_000),
        },
      });
    }
    for (const th of [{ dueSoonDays: 1 }, { dueSoonDays: 15 }, { dueSoonDays: 90 }] satisfies Thresholds[]) {
      const sql = new Map((await measureLights(db.prisma, null, now, th)).map((r) => [r.id, r.light]));
      const rows = await db.prisma.measure.findMany({ select: { id: true, ...measureLightSelect } });
      expect(sql.size).toBe(rows.length);
      for (const r of rows) expect([r.id, sql.get(r.id)]).toEqual([r.id, lightOf(measureLightItem(r), now, th)]);
    }
  });
});
